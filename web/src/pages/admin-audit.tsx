// The audit log, filtered by action and time.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, query } from '../api/client.js';
import type { AuditEvent, Page } from '../api/types.js';
import { Pager } from '../components/pager.js';
import { Empty, QueryView } from '../components/states.js';
import { formatTime } from '../components/time.js';

const LIMIT = 25;
const iso = (local: string) => (local === '' ? undefined : new Date(local).toISOString());

export default function AuditPage() {
  const [action, setAction] = useState('');
  const [targetType, setTargetType] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const filters = { action: action.trim(), targetType: targetType.trim(), from: iso(from), to: iso(to) };
  const events = useQuery({
    queryKey: ['audit', filters, page],
    queryFn: () => api<Page<AuditEvent>>(`/api/v1/audit-events${query({ ...filters, page, limit: LIMIT })}`),
    placeholderData: keepPreviousData,
  });
  const reset = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setPage(1);
  };
  return (
    <>
      <h1>Audit log</h1>
      <div className="filters" role="group" aria-label="Filter the audit log">
        <label>
          Action
          <input value={action} onChange={(event) => reset(setAction)(event.target.value)} placeholder="auth.login" />
        </label>
        <label>
          Target type
          <input value={targetType} onChange={(event) => reset(setTargetType)(event.target.value)} placeholder="test_run" />
        </label>
        <label>
          From
          <input type="datetime-local" value={from} onChange={(event) => reset(setFrom)(event.target.value)} />
        </label>
        <label>
          To
          <input type="datetime-local" value={to} onChange={(event) => reset(setTo)(event.target.value)} />
        </label>
      </div>
      <QueryView query={events} what="the audit log">
        {(data) =>
          data.items.length === 0 ? (
            <Empty>No event matches.</Empty>
          ) : (
            <>
              <div className="table-wrap" tabIndex={0} role="region" aria-label="Audit events">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">When</th>
                      <th scope="col">Who</th>
                      <th scope="col">Action</th>
                      <th scope="col">Target</th>
                      <th scope="col">Address</th>
                      <th scope="col">Correlation ID</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.map((event) => (
                      <tr key={event.id}>
                        <td>{formatTime(event.at)}</td>
                        <td>{event.actor ?? '—'}</td>
                        <td>
                          <code>{event.action}</code>
                        </td>
                        <td>{event.targetType ? `${event.targetType} ${event.targetId ?? ''}` : '—'}</td>
                        <td>{event.address ?? '—'}</td>
                        <td>
                          <code className="small">{event.correlationId ?? '—'}</code>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager page={page} limit={LIMIT} total={data.total} onPage={setPage} label="Audit events" />
            </>
          )
        }
      </QueryView>
    </>
  );
}
