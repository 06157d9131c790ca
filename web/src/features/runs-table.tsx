import type { Run } from '../api/types.js';
import { SeverityCountsView, StatusBadge } from '../components/severity.js';
import { formatDuration, formatTime } from '../components/time.js';
import { Link } from '../router.js';

export function RunsTable({ runs, label }: { runs: Run[]; label: string }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      <table>
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Status</th>
            <th scope="col">Specification</th>
            <th scope="col">Findings</th>
            <th scope="col">Requests</th>
            <th scope="col">Duration</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <td>
                <Link to={`/runs/${run.id}`}>{formatTime(run.createdAt)}</Link>
              </td>
              <td>
                <StatusBadge status={run.status} />
              </td>
              <td>
                {run.specName} v{run.specVersion}
              </td>
              <td>
                <SeverityCountsView counts={run.findingsBySeverity} />
              </td>
              <td>{run.requests}</td>
              <td>{formatDuration(run.durationMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
