// One finding: request and response side by side with the evidence highlighted, the curl line to
// reproduce it, and the steps of a scenario finding.
import { useQuery } from '@tanstack/react-query';
import { Fragment, type ReactNode } from 'react';
import { api } from '../api/client.js';
import type { Exchange, Finding } from '../api/types.js';
import { CopyButton } from '../components/copy-button.js';
import { SeverityBadge } from '../components/severity.js';
import { QueryView } from '../components/states.js';
import { Link } from '../router.js';

/**
 * `text` with the evidence marked. Evidence may be shortened (ending in "…") and its line breaks
 * flattened to spaces, so it is matched with any whitespace where it has some.
 */
export function highlight(text: string, evidence: string | undefined): ReactNode {
  const core = (evidence ?? '').replace(/(…|\.\.\.)$/, '').trim();
  if (core === '') return text;
  const pattern = new RegExp(core.split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'g');
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    parts.push(text.slice(last, match.index), <mark key={match.index}>{match[0]}</mark>);
    last = match.index + match[0].length;
  }
  if (parts.length === 0) return text;
  parts.push(text.slice(last));
  return <>{parts.map((part, index) => (typeof part === 'string' ? <Fragment key={`t${index}`}>{part}</Fragment> : part))}</>;
}

function prettyBody(body: unknown): string {
  if (body === undefined || body === null || body === '') return '';
  if (typeof body !== 'string') return JSON.stringify(body, null, 2);
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

function ExchangeView({ title, exchange, first, evidence }: { title: string; exchange: Exchange | null; first: string; evidence?: string }) {
  const headers = Object.entries(exchange?.headers ?? {}).map(([name, value]) => `${name}: ${String(value)}`);
  const body = prettyBody(exchange?.body);
  const text = exchange === null ? '(no response)' : [first, ...headers, '', body].join('\n');
  return (
    <section className="exchange" aria-label={title}>
      <h2>{title}</h2>
      <pre tabIndex={0}>{highlight(text, evidence)}</pre>
    </section>
  );
}

export default function FindingPage({ params }: { params: Record<string, string> }) {
  const { id, findingId } = params as { id: string; findingId: string };
  const finding = useQuery({ queryKey: ['finding', id, findingId], queryFn: () => api<Finding>(`/api/v1/test-runs/${id}/findings/${findingId}`) });
  return (
    <QueryView query={finding} what="the finding">
      {(data) => (
        <>
          <p>
            <Link to={`/runs/${id}`}>← Back to the run</Link>
          </p>
          <h1>
            <SeverityBadge severity={data.severity} /> {data.title}
          </h1>
          <dl className="facts">
            <dt>Check</dt>
            <dd>
              <code>{data.check}</code>
            </dd>
            <dt>Operation</dt>
            <dd>
              <code>{data.operation}</code>
            </dd>
            <dt>Seen</dt>
            <dd>{data.count} time(s)</dd>
            {data.agents && data.agents.length > 0 && (
              <>
                <dt>Found by</dt>
                <dd>{data.agents.join(', ')}</dd>
              </>
            )}
          </dl>
          <p>{data.message}</p>
          {data.evidence && (
            <p>
              Evidence: <mark>{data.evidence}</mark>
            </p>
          )}
          <section aria-labelledby="curl-title">
            <h2 id="curl-title">Reproduce</h2>
            <div className="curl">
              <pre tabIndex={0} data-testid="curl">
                {data.curl}
              </pre>
              <CopyButton text={data.curl} label="Copy the curl command" />
            </div>
          </section>
          <div className="side-by-side">
            <ExchangeView title="Request" exchange={data.request} first={`${data.request.method ?? ''} ${data.request.url ?? ''}`} evidence={data.evidence} />
            <ExchangeView title="Response" exchange={data.response} first={`HTTP ${data.response?.status ?? ''}`} evidence={data.evidence} />
          </div>
          {data.steps && data.steps.length > 0 && (
            <section aria-labelledby="steps-title">
              <h2 id="steps-title">Scenario steps</h2>
              <ol className="steps">
                {data.steps.map((step, index) => (
                  <li key={index}>
                    <pre tabIndex={0}>{JSON.stringify(step, null, 2)}</pre>
                  </li>
                ))}
              </ol>
            </section>
          )}
        </>
      )}
    </QueryView>
  );
}
