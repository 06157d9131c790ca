// A readable summary for a pull-request comment or a CI job page.
import { SEVERITIES } from '../core/finding.js';
import type { RunResult } from '../core/run-result.js';
import { exchangeLines } from './evidence-text.js';
import { reportFindings, type ReportFinding } from './report-finding.js';

export function writeMarkdown(result: RunResult): string {
  const { summary } = result;
  const findings = reportFindings(result);
  const lines = [
    '# Sentinel report',
    '',
    `Target \`${inlineCode(summary.target)}\`, description \`${inlineCode(summary.spec)}\`, seed ${summary.seed}, ${(summary.durationMs / 1000).toFixed(1)} s.`,
    '',
    '| operations | cases | scenarios | requests | transport errors | findings |',
    '|---:|---:|---:|---:|---:|---:|',
    `| ${summary.operations} | ${summary.cases} | ${summary.scenarios} | ${summary.requests} | ${summary.transportErrors} | ${summary.findings} |`,
    '',
  ];
  if (findings.length === 0) {
    lines.push('No findings.', '');
  } else {
    lines.push('| severity | check | operation | title | count |', '|---|---|---|---|---:|');
    for (const f of findings) lines.push(`| ${f.severity} | \`${f.check}\` | \`${cell(f.operation)}\` | ${cell(f.title)} | ${f.count} |`);
    lines.push('', `By severity: ${SEVERITIES.map((s) => `${s} ${summary.bySeverity[s] ?? 0}`).join(', ')}.`, '');
  }
  if (summary.notes.length > 0) lines.push('## Not tested', '', ...summary.notes.map((note) => `- ${note}`), '');
  if (findings.length > 0) lines.push('## Findings', '', ...findings.flatMap(details));
  return `${lines.join('\n').trimEnd()}\n`;
}

function details(finding: ReportFinding, index: number): string[] {
  const lines = [
    `### ${index + 1}. [${finding.severity}] ${finding.title}`,
    '',
    `\`${finding.check}\` on \`${inlineCode(finding.operation)}\`${finding.count > 1 ? `, seen ${finding.count} times` : ''}.`,
    '',
    finding.message,
    '',
  ];
  if (finding.evidence !== undefined) lines.push('Evidence:', '', fence(finding.evidence), '');
  if (finding.payload !== undefined) lines.push('Payload:', '', fence(finding.payload), '');
  const exchanges = finding.steps && finding.steps.length > 0 ? finding.steps : [finding];
  const exchangeText = finding.steps?.length
    ? finding.steps.flatMap((step, i) => [`Step ${i + 1}: ${step.title}`, ...exchangeLines(step), '']).join('\n').trimEnd()
    : exchangeLines(finding).join('\n');
  lines.push('<details><summary>Request and response</summary>', '', fence(exchangeText), '', '</details>', '');
  lines.push('Reproduce:', '', fence(exchanges.map((e) => e.curl).join('\n'), 'sh'), '');
  return lines;
}

/** A fence longer than any backtick run inside, so bodies cannot close it early. */
function fence(text: string, language = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}${language}\n${text}\n${ticks}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function inlineCode(text: string): string {
  return text.replace(/`/g, "'").replace(/\r?\n/g, ' ');
}
