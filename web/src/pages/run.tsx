// One run: live progress over server-sent events while it runs, cancel, its findings, and its reports.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, download } from '../api/client.js';
import type { Finding, Page, RunDetail } from '../api/types.js';
import { SeverityCountsView, StatusBadge } from '../components/severity.js';
import { Empty, ErrorNote, Loading, messageOf, QueryView } from '../components/states.js';
import { formatDuration, formatTime } from '../components/time.js';
import { FindingsTable } from '../features/findings-table.js';
import { useLiveProgress } from '../features/live-progress.js';
import { useSession } from '../session.js';

const REPORTS = [
  { format: 'json', label: 'JSON', extension: 'json' },
  { format: 'junit', label: 'JUnit', extension: 'xml' },
  { format: 'sarif', label: 'SARIF', extension: 'sarif' },
  { format: 'markdown', label: 'Markdown', extension: 'md' },
] as const;

async function allFindings(runId: string): Promise<Finding[]> {
  const found: Finding[] = [];
  for (let page = 1; ; page++) {
    const answer = await api<Page<Finding>>(`/api/v1/test-runs/${runId}/findings?limit=200&page=${page}`);
    found.push(...answer.items);
    if (found.length >= answer.total || answer.items.length === 0) return found;
  }
}

export default function RunPage({ params }: { params: Record<string, string> }) {
  const id = params.id!;
  const { can } = useSession();
  const client = useQueryClient();
  const run = useQuery({ queryKey: ['run', id], queryFn: () => api<RunDetail>(`/api/v1/test-runs/${id}`) });
  const active = run.data?.status === 'queued' || run.data?.status === 'running';
  const refresh = () => {
    void client.invalidateQueries({ queryKey: ['run', id] });
    void client.invalidateQueries({ queryKey: ['runs'] });
  };
  const live = useLiveProgress(id, active, refresh);
  const over = run.data !== undefined && !active;
  const findings = useQuery({ queryKey: ['run', id, 'findings', run.data?.status], queryFn: () => allFindings(id), enabled: over });
  const cancel = useMutation({ mutationFn: () => api(`/api/v1/test-runs/${id}/cancel`, { method: 'POST' }), onSettled: refresh });
  const [downloadError, setDownloadError] = useState<unknown>();

  return (
    <QueryView query={run} what="the run">
      {(data) => (
        <>
          <div className="page-head">
            <h1>
              Run of {data.specName} v{data.specVersion} <StatusBadge status={data.status} />
            </h1>
            {active && can('test-runs:cancel') && (
              <button type="button" className="danger" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
                {cancel.isPending ? 'Cancelling…' : 'Cancel run'}
              </button>
            )}
          </div>
          {cancel.error && <ErrorNote error={cancel.error} />}
          <dl className="facts">
            <dt>Target</dt>
            <dd>
              <code>{data.baseUrl}</code>
            </dd>
            <dt>Started</dt>
            <dd>{formatTime(data.startedAt ?? data.createdAt)}</dd>
            <dt>Duration</dt>
            <dd>{formatDuration(data.durationMs)}</dd>
            <dt>Findings</dt>
            <dd>
              <SeverityCountsView counts={data.findingsBySeverity} />
            </dd>
          </dl>
          {data.error && <ErrorNote error={new Error(data.error)} />}
          <section aria-labelledby="progress" className="progress-box">
            <h2 id="progress">Progress</h2>
            {active ? (
              <>
                <progress max={Math.max(live.planned, 1)} value={live.done} aria-label="Cases done" />
                <p aria-live="polite" className="live-counts">
                  <span data-testid="cases-done">
                    {live.done} of {live.planned || '…'} cases
                  </span>{' '}
                  · {live.requests} requests · {live.findings.length} findings
                </p>
              </>
            ) : (
              <p className="live-counts" data-testid="run-over">
                {data.status}: {data.cases} cases, {data.requests} requests, {data.findings} findings
                {live.reason ? ` (${live.reason})` : ''}
              </p>
            )}
          </section>
          {over && data.status !== 'queued' && data.summary !== null && (
            <section aria-labelledby="reports">
              <h2 id="reports">Reports</h2>
              <div className="row">
                {REPORTS.map((report) => (
                  <button
                    type="button"
                    key={report.format}
                    onClick={() => download(`/api/v1/test-runs/${id}/report?format=${report.format}`, `sentinel-${id.slice(0, 8)}.${report.extension}`).catch(setDownloadError)}
                  >
                    Download {report.label}
                  </button>
                ))}
              </div>
              {downloadError !== undefined && <p className="error-text" role="alert">{messageOf(downloadError)}</p>}
            </section>
          )}
          <section aria-labelledby="findings">
            <h2 id="findings">Findings</h2>
            {active ? (
              live.findings.length === 0 ? <Empty>No finding yet.</Empty> : <FindingsTable findings={live.findings} runId={id} />
            ) : findings.isPending ? (
              <Loading what="findings" />
            ) : findings.error ? (
              <ErrorNote error={findings.error} retry={() => void findings.refetch()} />
            ) : findings.data!.length === 0 ? (
              <Empty>This run found nothing wrong.</Empty>
            ) : (
              <FindingsTable findings={findings.data!} runId={id} />
            )}
          </section>
        </>
      )}
    </QueryView>
  );
}
