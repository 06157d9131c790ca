// API keys: create one (the key is shown once, here), list, revoke.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, query } from '../api/client.js';
import type { ApiKey, Page, Role } from '../api/types.js';
import { CopyButton } from '../components/copy-button.js';
import { Pager } from '../components/pager.js';
import { Empty, ErrorNote, QueryView } from '../components/states.js';
import { formatTime } from '../components/time.js';
import { useSession } from '../session.js';

const ROLES: Role[] = ['viewer', 'tester', 'manager', 'admin'];
const LIMIT = 20;

export default function ApiKeysPage() {
  const { can, me } = useSession();
  const client = useQueryClient();
  const [page, setPage] = useState(1);
  const keys = useQuery({ queryKey: ['api-keys', page], queryFn: () => api<Page<ApiKey>>(`/api/v1/api-keys${query({ page, limit: LIMIT })}`), placeholderData: keepPreviousData });
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('tester');
  const [created, setCreated] = useState<ApiKey>();
  const create = useMutation({
    mutationFn: () => api<ApiKey>('/api/v1/api-keys', { method: 'POST', body: { name, role } }),
    onSuccess: (key) => {
      setCreated(key);
      setName('');
      void client.invalidateQueries({ queryKey: ['api-keys'] });
    },
  });
  const revoke = useMutation({ mutationFn: (id: string) => api(`/api/v1/api-keys/${id}`, { method: 'DELETE' }), onSettled: () => client.invalidateQueries({ queryKey: ['api-keys'] }) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const grantable = ROLES.slice(0, ROLES.indexOf(me.role) + 1);
  return (
    <>
      <h1>API keys</h1>
      {can('api-keys:create') && (
        <form className="card inline-form" onSubmit={submit} aria-labelledby="new-key">
          <h2 id="new-key">Create a key</h2>
          <label>
            Name
            <input required maxLength={100} value={name} onChange={(event) => setName(event.target.value)} />
          </label>
          <label>
            Role
            <select value={role} onChange={(event) => setRole(event.target.value as Role)}>
              {grantable.map((option) => (
                <option key={option}>{option}</option>
              ))}
            </select>
          </label>
          <button type="submit" className="primary" disabled={create.isPending}>
            Create key
          </button>
          {create.error && <ErrorNote error={create.error} />}
        </form>
      )}
      {created?.key && (
        <div className="card notice" role="status">
          <p>
            The key <strong>{created.name}</strong>: copy it now, it is not shown again.
          </p>
          <div className="curl">
            <pre tabIndex={0}>{created.key}</pre>
            <CopyButton text={created.key} label="Copy the API key" />
          </div>
          <button type="button" onClick={() => setCreated(undefined)}>
            Done
          </button>
        </div>
      )}
      {revoke.error && <ErrorNote error={revoke.error} />}
      <QueryView query={keys} what="API keys">
        {(data) =>
          data.items.length === 0 ? (
            <Empty>No API key yet.</Empty>
          ) : (
            <>
              <div className="table-wrap" tabIndex={0} role="region" aria-label="API keys">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Key starts with</th>
                      <th scope="col">Role</th>
                      <th scope="col">Created</th>
                      <th scope="col">Last used</th>
                      <th scope="col">State</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((key) => (
                      <tr key={key.id}>
                        <td>{key.name}</td>
                        <td>
                          <code>{key.prefix}…</code>
                        </td>
                        <td>{key.role}</td>
                        <td>{formatTime(key.createdAt)}</td>
                        <td>{formatTime(key.lastUsedAt)}</td>
                        <td>
                          {key.revokedAt ? (
                            `revoked ${formatTime(key.revokedAt)}`
                          ) : can('api-keys:revoke') ? (
                            <button type="button" className="danger" onClick={() => revoke.mutate(key.id)} aria-label={`Revoke ${key.name}`}>
                              Revoke
                            </button>
                          ) : (
                            'active'
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager page={page} limit={LIMIT} total={data.total} onPage={setPage} label="API keys" />
            </>
          )
        }
      </QueryView>
    </>
  );
}
