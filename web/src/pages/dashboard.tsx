// The dashboard: recent runs, trends over the last runs, the operations that fail most and the open
// critical and high findings (those of the latest completed run).
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.js';
import type { Finding, Page, Run, RunDetail, Severity } from '../api/types.js';
import { SeverityBadge } from '../components/severity.js';
import { Empty, QueryView } from '../components/states.js';
import { RunsTable } from '../features/runs-table.js';
import { TrendChart, type TrendPoint } from '../features/trend-chart.js';
import { Link } from '../router.js';

/** Share of (operation, check) pairs judged that had no finding. */
export function passRateOf(run: RunDetail): number | undefined {
  const judged = Object.values((run.summary as { checksRun?: Record<string, string[]> } | null)?.checksRun ?? {}).reduce((sum, checks) => sum + checks.length, 0);
  if (judged === 0) return undefined;
  return Math.max(0, Math.round(100 * (1 - run.findings / judged)));
}

async function trends(runs: Run[]): Promise<TrendPoint[]> {
  const finished = runs.filter((run) => run.status === 'completed').slice(0, 12).reverse();
  const details = await Promise.all(finished.map((run) => api<RunDetail>(`/api/v1/test-runs/${run.id}`)));
  return details.map((run) => ({
    label: new Date(run.createdAt).toLocaleDateString(undefined, { month: 'short', day: 'numeric' }) + ` ${new Date(run.createdAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}`,
    bySeverity: run.findingsBySeverity,
    ...(passRateOf(run) !== undefined ? { passRate: passRateOf(run) } : {}),
  }));
}

export function topOperations(findings: Finding[], limit = 5): { operation: string; findings: number; worst: Severity }[] {
  const order: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
  const byOperation = new Map<string, { findings: number; worst: Severity }>();
  for (const finding of findings) {
    const entry = byOperation.get(finding.operation) ?? { findings: 0, worst: 'info' as Severity };
    entry.findings += 1;
    if (order.indexOf(finding.severity) < order.indexOf(entry.worst)) entry.worst = finding.severity;
    byOperation.set(finding.operation, entry);
  }
  return [...byOperation].map(([operation, entry]) => ({ operation, ...entry })).sort((a, b) => b.findings - a.findings || a.operation.localeCompare(b.operation)).slice(0, limit);
}

export default function DashboardPage() {
  const runs = useQuery({ queryKey: ['runs', 'dashboard'], queryFn: () => api<Page<Run>>('/api/v1/test-runs?limit=50') });
  const latest = runs.data?.items.find((run) => run.status === 'completed');
  const trend = useQuery({ queryKey: ['runs', 'trends', runs.data?.items.map((run) => run.id).join()], queryFn: () => trends(runs.data!.items), enabled: runs.data !== undefined });
  const latestFindings = useQuery({
    queryKey: ['run', latest?.id, 'findings', 'dashboard'],
    queryFn: () => api<Page<Finding>>(`/api/v1/test-runs/${latest!.id}/findings?limit=200`),
    enabled: latest !== undefined,
  });
  return (
    <>
      <h1>Dashboard</h1>
      <div className="dashboard">
        <section aria-labelledby="recent" className="card wide">
          <h2 id="recent">Recent runs</h2>
          <QueryView query={runs} what="runs">
            {(data) => (data.items.length === 0 ? <Empty>No run yet. <Link to="/specifications">Upload a description</Link> and start one.</Empty> : <RunsTable runs={data.items.slice(0, 8)} label="Recent runs" />)}
          </QueryView>
        </section>
        <section aria-labelledby="trends" className="card wide">
          <h2 id="trends">Trends</h2>
          {runs.data && !latest ? (
            <Empty>Trends appear once a run has completed.</Empty>
          ) : (
            <QueryView query={{ ...trend, isPending: trend.isPending }} what="trends">
              {(points) => <TrendChart points={points} />}
            </QueryView>
          )}
        </section>
        <section aria-labelledby="top-ops" className="card">
          <h2 id="top-ops">Top failing operations</h2>
          {!latest ? (
            <Empty>No completed run yet.</Empty>
          ) : (
            <QueryView query={latestFindings} what="findings">
              {(data) =>
                data.items.length === 0 ? (
                  <Empty>The latest run found nothing.</Empty>
                ) : (
                  <ol className="plain">
                    {topOperations(data.items).map((entry) => (
                      <li key={entry.operation}>
                        <SeverityBadge severity={entry.worst} /> <code>{entry.operation}</code> <span className="muted">{entry.findings} findings</span>
                      </li>
                    ))}
                  </ol>
                )
              }
            </QueryView>
          )}
        </section>
        <section aria-labelledby="open-critical" className="card">
          <h2 id="open-critical">Open critical and high findings</h2>
          {!latest ? (
            <Empty>No completed run yet.</Empty>
          ) : (
            <QueryView query={latestFindings} what="findings">
              {(data) => {
                const serious = data.items.filter((finding) => finding.severity === 'critical' || finding.severity === 'high');
                return serious.length === 0 ? (
                  <Empty>None in the latest run.</Empty>
                ) : (
                  <ul className="plain">
                    {serious.slice(0, 10).map((finding) => (
                      <li key={finding.id}>
                        <SeverityBadge severity={finding.severity} /> <Link to={`/runs/${latest.id}/findings/${finding.id}`}>{finding.title}</Link> <code className="muted">{finding.operation}</code>
                      </li>
                    ))}
                  </ul>
                );
              }}
            </QueryView>
          )}
        </section>
      </div>
    </>
  );
}
