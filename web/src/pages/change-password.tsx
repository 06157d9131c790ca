// Changing one's password; forced on the first sign-in of the admin whose password was generated.
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, signOut } from '../api/client.js';
import { messageOf } from '../components/states.js';

export function ChangePassword({ forced = false }: { forced?: boolean }) {
  const client = useQueryClient();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string>();
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    if (next !== again) return setError('The two new passwords differ.');
    if (next.length < 12) return setError('The new password needs at least 12 characters.');
    try {
      await api('/api/v1/auth/password', { method: 'POST', body: { currentPassword: current, newPassword: next } });
      setDone(true);
      await client.invalidateQueries({ queryKey: ['me'] });
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  const form = (
    <form onSubmit={(event) => void submit(event)} className="card narrow" aria-labelledby="password-title">
      <h1 id="password-title">{forced ? 'Choose your password' : 'Change your password'}</h1>
      {forced && <p>This account was created with a generated password. Choose your own before going on.</p>}
      <label>
        Current password
        <input type="password" autoComplete="current-password" required value={current} onChange={(event) => setCurrent(event.target.value)} />
      </label>
      <label>
        New password (at least 12 characters)
        <input type="password" autoComplete="new-password" required minLength={12} value={next} onChange={(event) => setNext(event.target.value)} />
      </label>
      <label>
        New password again
        <input type="password" autoComplete="new-password" required value={again} onChange={(event) => setAgain(event.target.value)} />
      </label>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {done && !forced && <p role="status">Your password was changed; your other sessions were signed out.</p>}
      <div className="row">
        <button type="submit" className="primary">
          Change password
        </button>
        {forced && (
          <button type="button" onClick={() => void signOut()}>
            Sign out
          </button>
        )}
      </div>
    </form>
  );
  return forced ? (
    <main className="sign-in" id="main">
      {form}
    </main>
  ) : (
    form
  );
}
