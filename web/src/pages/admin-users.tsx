// Users and their roles: create, change the role, disable or enable.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, query } from '../api/client.js';
import type { Page, Role, User } from '../api/types.js';
import { Pager } from '../components/pager.js';
import { Empty, ErrorNote, QueryView } from '../components/states.js';
import { formatTime } from '../components/time.js';
import { useSession } from '../session.js';

const ROLES: Role[] = ['viewer', 'tester', 'manager', 'admin'];
const LIMIT = 20;

export default function UsersPage() {
  const { can, me } = useSession();
  const client = useQueryClient();
  const [page, setPage] = useState(1);
  const users = useQuery({ queryKey: ['users', page], queryFn: () => api<Page<User>>(`/api/v1/users${query({ page, limit: LIMIT })}`), placeholderData: keepPreviousData });
  const update = useMutation({
    mutationFn: ({ id, change }: { id: string; change: Partial<Pick<User, 'role' | 'disabled'>> }) => api(`/api/v1/users/${id}`, { method: 'PATCH', body: change }),
    onSettled: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const create = useMutation({
    mutationFn: () => api('/api/v1/users', { method: 'POST', body: { username, password, role } }),
    onSuccess: () => {
      setUsername('');
      setPassword('');
      void client.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <>
      <h1>Users</h1>
      {can('users:create') && (
        <form className="card inline-form" onSubmit={submit} aria-labelledby="new-user">
          <h2 id="new-user">Add a user</h2>
          <label>
            Username
            <input required value={username} onChange={(event) => setUsername(event.target.value)} autoComplete="off" />
          </label>
          <label>
            Password (at least 12 characters)
            <input required type="password" minLength={12} value={password} onChange={(event) => setPassword(event.target.value)} autoComplete="new-password" />
          </label>
          <label>
            Role
            <select value={role} onChange={(event) => setRole(event.target.value as Role)}>
              {ROLES.map((option) => (
                <option key={option}>{option}</option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary" disabled={create.isPending}>
            Add user
          </button>
          {create.error && <ErrorNote error={create.error} />}
        </form>
      )}
      {update.error && <ErrorNote error={update.error} />}
      <QueryView query={users} what="users">
        {(data) =>
          data.items.length === 0 ? (
            <Empty>No user.</Empty>
          ) : (
            <>
              <div className="table-wrap" tabIndex={0} role="region" aria-label="Users">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Username</th>
                      <th scope="col">Role</th>
                      <th scope="col">State</th>
                      <th scope="col">Last sign-in</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((user) => (
                      <tr key={user.id}>
                        <td>{user.username}</td>
                        <td>
                          {can('users:update') && user.id !== me.id ? (
                            <select aria-label={`Role of ${user.username}`} value={user.role} onChange={(event) => update.mutate({ id: user.id, change: { role: event.target.value as Role } })}>
                              {ROLES.map((option) => (
                                <option key={option}>{option}</option>
                              ))}
                            </select>
                          ) : (
                            user.role
                          )}
                        </td>
                        <td>
                          {user.disabled ? 'disabled' : 'active'}{' '}
                          {can('users:update') && user.id !== me.id && (
                            <button type="button" onClick={() => update.mutate({ id: user.id, change: { disabled: !user.disabled } })}>
                              {user.disabled ? 'Enable' : 'Disable'}
                            </button>
                          )}
                        </td>
                        <td>{formatTime(user.lastLoginAt)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager page={page} limit={LIMIT} total={data.total} onPage={setPage} label="Users" />
            </>
          )
        }
      </QueryView>
    </>
  );
}
