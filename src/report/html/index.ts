// The HTML report: one self-contained page (inline CSS and SVG, no script, no external resource, a
// content security policy that forbids loading anything) with the summary, charts of findings by
// severity and check, the coverage matrix of operations × status codes, and every finding with its
// request, response, evidence, steps and curl line. Every piece of run data is escaped.
import type { RunEvent } from '../../core/events.js';
import { SEVERITIES, type Severity } from '../../core/finding.js';
import type { RunResult } from '../../core/run-result.js';
import { reportFindings, type ReportExchange, type ReportFinding } from '../report-finding.js';
import { barChart } from './bar-chart.js';
import { coverageMatrix } from './coverage.js';
import { escapeHtml as e } from './escape.js';

const SEVERITY_COLOUR: Record<Severity, string> = { critical: '#7f1d1d', high: '#dc2626', medium: '#ea580c', low: '#ca8a04', info: '#2563eb' };
const CHECK_COLOUR = '#4b5563';

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#111827;background:#f9fafb}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #e5e7eb;padding-bottom:4px}
.muted{color:#6b7280}table{border-collapse:collapse;background:#fff}th,td{border:1px solid #e5e7eb;padding:4px 8px;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}td.zero{color:#d1d5db}
.stats{display:flex;flex-wrap:wrap;gap:8px}.stat{background:#fff;border:1px solid #e5e7eb;border-radius:6px;padding:8px 12px;min-width:90px}
.stat b{display:block;font-size:20px}.charts{display:flex;flex-wrap:wrap;gap:24px}
figure.chart{margin:0;background:#fff;border:1px solid #e5e7eb;border-radius:6px;padding:8px}figcaption{font-weight:600;margin-bottom:4px}
svg text{font:12px system-ui,sans-serif;fill:#111827}
details.finding{background:#fff;border:1px solid #e5e7eb;border-radius:6px;margin:8px 0;padding:8px 12px}
details.finding>summary{cursor:pointer;font-weight:600}
.sev{display:inline-block;color:#fff;border-radius:4px;padding:0 6px;font-size:12px;text-transform:uppercase;margin-right:6px}
.tag{display:inline-block;border:1px solid #9ca3af;border-radius:4px;padding:0 6px;font-size:12px;margin-left:6px}
.tag.new{border-color:#dc2626;color:#dc2626}.tag.flaky{border-color:#ca8a04;color:#92400e}
pre{background:#f3f4f6;padding:8px;overflow:auto;white-space:pre-wrap;word-break:break-all;max-height:360px;margin:4px 0}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:6px 0}dt{color:#6b7280}dd{margin:0}
.matrix{overflow:auto}
`;

export function writeHtml(result: RunResult, events: readonly RunEvent[] = []): string {
  const { summary } = result;
  const findings = reportFindings(result);
  const title = `Sentinel report: ${summary.target}`;
  const body = [
    `<h1>${e(title)}</h1>`,
    `<p class="muted">description ${e(summary.spec)} · seed ${e(summary.seed)} · ${e(summary.startedAt)} · ${e((summary.durationMs / 1000).toFixed(1))} s · run ${e(summary.runId)}</p>`,
    summarySection(result),
    baselineSection(result),
    '<h2>Findings by severity and check</h2>',
    `<div class="charts">${barChart('By severity', SEVERITIES.map((s) => ({ label: s, value: summary.bySeverity[s] ?? 0, colour: SEVERITY_COLOUR[s] })))}${barChart(
      'By check',
      Object.entries(summary.byCheck)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .map(([check, value]) => ({ label: check, value, colour: CHECK_COLOUR })),
    )}</div>`,
    coverageSection(result, events),
    notesSection(summary.notes),
    `<h2>Findings (${findings.length})</h2>`,
    findings.length === 0 ? '<p>No findings.</p>' : findings.map(findingSection).join('\n'),
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    `<body><main>\n${body.join('\n')}\n</main></body>`,
    '</html>',
    '',
  ].join('\n');
}

function summarySection(result: RunResult): string {
  const s = result.summary;
  const stats: [string, number][] = [
    ['findings', s.findings],
    ['operations', s.operations],
    ['cases', s.cases],
    ['scenarios', s.scenarios],
    ['requests', s.requests],
    ['no response', s.transportErrors],
  ];
  if (s.flaky !== undefined) stats.push(['flaky', s.flaky]);
  return `<h2>Summary</h2><div class="stats">${stats.map(([label, value]) => `<div class="stat"><b>${e(value)}</b>${e(label)}</div>`).join('')}</div>`;
}

function baselineSection(result: RunResult): string {
  const baseline = result.summary.baseline;
  if (baseline === undefined) return '';
  const fixed =
    baseline.fixed.length === 0
      ? '<p>No baseline finding was fixed.</p>'
      : `<table><thead><tr><th>severity</th><th>check</th><th>operation</th><th>title</th><th>fingerprint</th></tr></thead><tbody>${baseline.fixed
          .map((f) => `<tr><td>${e(f.severity)}</td><td>${e(f.check)}</td><td>${e(f.operation)}</td><td>${e(f.title)}</td><td><code>${e(f.fingerprint)}</code></td></tr>`)
          .join('')}</tbody></table>`;
  return (
    `<h2>Compared with ${e(baseline.file)}</h2>` +
    `<div class="stats"><div class="stat"><b>${e(baseline.new)}</b>new</div><div class="stat"><b>${e(baseline.persisting)}</b>persisting</div><div class="stat"><b>${e(baseline.fixed.length)}</b>fixed</div></div>` +
    `<h3>Fixed</h3>${fixed}`
  );
}

function coverageSection(result: RunResult, events: readonly RunEvent[]): string {
  const matrix = coverageMatrix(result, events);
  if (matrix.rows.length === 0) return '<h2>Coverage</h2><p>No operation was tested.</p>';
  const head = `<tr><th>operation</th>${matrix.columns.map((c) => `<th class="n">${e(c)}</th>`).join('')}</tr>`;
  const rows = matrix.rows.map(
    (row) =>
      `<tr><td><code>${e(row.operation)}</code></td>${matrix.columns
        .map((c) => (row.counts[c] ? `<td class="n">${e(row.counts[c])}</td>` : '<td class="n zero">0</td>'))
        .join('')}</tr>`,
  );
  return `<h2>Coverage: responses by operation and status code</h2><div class="matrix"><table><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></div>`;
}

function notesSection(notes: string[]): string {
  if (notes.length === 0) return '';
  return `<h2>Not tested</h2><ul>${notes.map((note) => `<li>${e(note)}</li>`).join('')}</ul>`;
}

function findingSection(finding: ReportFinding, index: number): string {
  const tags = [
    finding.baseline !== undefined ? `<span class="tag ${e(finding.baseline)}">${e(finding.baseline)}</span>` : '',
    finding.flaky !== undefined ? '<span class="tag flaky">flaky</span>' : '',
    finding.count > 1 ? `<span class="tag">×${e(finding.count)}</span>` : '',
  ].join('');
  const facts: [string, string][] = [
    ['check', `<code>${e(finding.check)}</code>`],
    ['operation', `<code>${e(finding.operation)}</code>`],
    ['fingerprint', `<code>${e(finding.fingerprint)}</code>`],
    ['correlation id', `<code>${e(finding.correlationId)}</code>`],
  ];
  const parts = [
    `<details class="finding" id="finding-${index + 1}"><summary><span class="sev" style="background:${SEVERITY_COLOUR[finding.severity]}">${e(finding.severity)}</span>${e(finding.title)} <span class="muted">${e(finding.operation)}</span>${tags}</summary>`,
    `<p>${e(finding.message)}</p>`,
    `<dl>${facts.map(([term, value]) => `<dt>${e(term)}</dt><dd>${value}</dd>`).join('')}</dl>`,
  ];
  if (finding.evidence !== undefined) parts.push('<h4>Evidence</h4>', `<pre>${e(finding.evidence)}</pre>`);
  if (finding.payload !== undefined) parts.push('<h4>Payload</h4>', `<pre>${e(finding.payload)}</pre>`);
  if (finding.flaky !== undefined) {
    const { original, retry } = finding.flaky;
    const outcome = (o: typeof original) => `${o.status !== undefined ? `status ${o.status}` : `no response (${o.transportError ?? 'error'})`}, ${o.durationMs} ms, correlation id ${o.correlationId}: ${o.verdict}`;
    parts.push('<h4>Flaky: the request sent again did not fail the same way</h4>', `<dl><dt>first</dt><dd>${e(outcome(original))}</dd><dt>again</dt><dd>${e(outcome(retry))}</dd></dl>`);
  }
  if (finding.steps && finding.steps.length > 0) {
    finding.steps.forEach((step, stepIndex) => parts.push(`<h4>Step ${stepIndex + 1}: ${e(step.title)}</h4>`, exchangeBlock(step)));
  } else {
    parts.push(exchangeBlock(finding));
  }
  parts.push('</details>');
  return parts.join('\n');
}

function exchangeBlock(exchange: ReportExchange): string {
  const { request, response } = exchange;
  const requestText = [`${request.method.toUpperCase()} ${request.url}`, ...Object.entries(request.headers).map(([n, v]) => `${n}: ${v}`)];
  if (request.body !== undefined) requestText.push('', request.body);
  const responseText = response
    ? [`${response.status}`, ...Object.entries(response.headers).map(([n, v]) => `${n}: ${Array.isArray(v) ? v.join(', ') : v}`), ...(response.body !== '' ? ['', response.body] : [])]
    : ['no response (transport error)'];
  return [
    '<h5>Request</h5>',
    `<pre>${e(requestText.join('\n'))}</pre>`,
    '<h5>Response</h5>',
    `<pre>${e(responseText.join('\n'))}</pre>`,
    '<h5>Reproduce</h5>',
    `<pre>${e(exchange.curl)}</pre>`,
  ].join('\n');
}
