// Sign-in. It renders in place of whatever page the address names, so after signing in that page opens.
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { signIn } from '../api/client.js';
import { messageOf } from '../components/states.js';

export function SignIn() {
  const client = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      client.clear();
      await signIn(username, password);
    } catch (failure) {
      setError(messageOf(failure));
      setBusy(false);
    }
  };
  return (
    <main className="sign-in" id="main">
      <form onSubmit={(event) => void submit(event)} className="card narrow" aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Sign in to Sentinel</h1>
        <label>
          Username
          <input name="username" autoComplete="username" required value={username} onChange={(event) => setUsername(event.target.value)} />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
        </label>
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
