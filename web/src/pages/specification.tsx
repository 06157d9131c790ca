// One specification version: its operations grouped by tag, the lint findings with the readiness score,
// and its other versions.
import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.js';
import type { Lint, SpecificationDetail, SpecOperation } from '../api/types.js';
import { SeverityBadge } from '../components/severity.js';
import { Empty, QueryView } from '../components/states.js';
import { formatTime } from '../components/time.js';
import { Link } from '../router.js';
import { useSession } from '../session.js';

export function groupByTag(operations: SpecOperation[]): [string, SpecOperation[]][] {
  const groups = new Map<string, SpecOperation[]>();
  for (const operation of operations) {
    for (const tag of operation.tags.length > 0 ? operation.tags : ['(no tag)']) {
      groups.set(tag, [...(groups.get(tag) ?? []), operation]);
    }
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b));
}

export default function SpecificationPage({ params }: { params: Record<string, string> }) {
  const { can } = useSession();
  const id = params.id!;
  const spec = useQuery({ queryKey: ['specification', id], queryFn: () => api<SpecificationDetail>(`/api/v1/specifications/${id}`) });
  const lint = useQuery({ queryKey: ['specification', id, 'lint'], queryFn: () => api<Lint>(`/api/v1/specifications/${id}/lint`) });
  return (
    <QueryView query={spec} what="the specification">
      {(data) => (
        <>
          <div className="page-head">
            <h1>
              {data.name} <span className="muted">v{data.version}</span>
            </h1>
            {can('test-runs:create') && (
              <Link className="button primary" to={`/runs/new?specification=${data.id}`}>
                New run
              </Link>
            )}
          </div>
          <dl className="facts">
            <dt>Title</dt>
            <dd>{data.title}</dd>
            <dt>Format</dt>
            <dd>
              {data.dialect} {data.specVersion}
            </dd>
            <dt>API version</dt>
            <dd>{data.apiVersion}</dd>
            <dt>Servers</dt>
            <dd>{data.servers.join(', ') || '—'}</dd>
            <dt>Readiness</dt>
            <dd>{data.lintScore === null ? '—' : `${Math.round(data.lintScore)}/100`}</dd>
          </dl>
          <section aria-labelledby="operations">
            <h2 id="operations">Operations ({data.operations.length})</h2>
            {groupByTag(data.operations).map(([tag, operations]) => (
              <details key={tag} open>
                <summary>
                  {tag} ({operations.length})
                </summary>
                <ul className="operations">
                  {operations.map((operation) => (
                    <li key={`${tag} ${operation.key}`}>
                      <code className={`method m-${operation.method.toLowerCase()}`}>{operation.method.toUpperCase()}</code> <code>{operation.path}</code>
                      {operation.summary && <span className="muted"> {operation.summary}</span>}
                    </li>
                  ))}
                </ul>
              </details>
            ))}
          </section>
          <section aria-labelledby="lint">
            <h2 id="lint">Lint findings</h2>
            <QueryView query={lint} what="the lint findings">
              {(result) => (
                <>
                  <p>
                    Readiness score: <strong>{Math.round(result.score)}/100</strong>
                  </p>
                  {result.findings.length === 0 ? (
                    <Empty>The linter found nothing to improve.</Empty>
                  ) : (
                    <div className="table-wrap" tabIndex={0} role="region" aria-label="Lint findings">
                      <table>
                        <thead>
                          <tr>
                            <th scope="col">Severity</th>
                            <th scope="col">Rule</th>
                            <th scope="col">Where</th>
                            <th scope="col">Message</th>
                          </tr>
                        </thead>
                        <tbody>
                          {result.findings.map((finding, index) => (
                            <tr key={index}>
                              <td>
                                <SeverityBadge severity={finding.severity} />
                              </td>
                              <td>
                                <code>{finding.rule}</code>
                              </td>
                              <td>
                                <code>{finding.operation ?? finding.pointer}</code>
                              </td>
                              <td>
                                {finding.message}
                                {finding.fix && <div className="muted">Fix: {finding.fix}</div>}
                              </td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                  )}
                </>
              )}
            </QueryView>
          </section>
          <section aria-labelledby="versions">
            <h2 id="versions">Versions</h2>
            <ul>
              {data.versions.map((version) => (
                <li key={version.id}>
                  {version.id === data.id ? <strong>v{version.version} (this one)</strong> : <Link to={`/specifications/${version.id}`}>v{version.version}</Link>} · {formatTime(version.createdAt)}
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
    </QueryView>
  );
}
