// Runs, newest first, filtered by status, paginated.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, query } from '../api/client.js';
import type { Page, Run } from '../api/types.js';
import { Pager } from '../components/pager.js';
import { Empty, QueryView } from '../components/states.js';
import { RunsTable } from '../features/runs-table.js';
import { Link } from '../router.js';
import { useSession } from '../session.js';

const LIMIT = 20;
const STATUSES = ['', 'queued', 'running', 'completed', 'failed', 'cancelled'];

export default function RunsPage() {
  const { can } = useSession();
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const runs = useQuery({
    queryKey: ['runs', status, page],
    queryFn: () => api<Page<Run>>(`/api/v1/test-runs${query({ status, page, limit: LIMIT })}`),
    placeholderData: keepPreviousData,
    refetchInterval: (current) => (current.state.data?.items.some((run) => run.status === 'queued' || run.status === 'running') ? 3000 : false),
  });
  return (
    <>
      <div className="page-head">
        <h1>Runs</h1>
        {can('test-runs:create') && (
          <Link className="button primary" to="/runs/new">
            New run
          </Link>
        )}
      </div>
      <label className="inline">
        Status
        <select
          value={status}
          onChange={(event) => {
            setStatus(event.target.value);
            setPage(1);
          }}
        >
          {STATUSES.map((value) => (
            <option key={value} value={value}>
              {value || 'any'}
            </option>
          ))}
        </select>
      </label>
      <QueryView query={runs} what="runs">
        {(data) =>
          data.items.length === 0 ? (
            <Empty>No run {status ? `is ${status}` : 'yet'}.</Empty>
          ) : (
            <>
              <RunsTable runs={data.items} label="Runs" />
              <Pager page={page} limit={LIMIT} total={data.total} onPage={setPage} label="Runs" />
            </>
          )
        }
      </QueryView>
    </>
  );
}
