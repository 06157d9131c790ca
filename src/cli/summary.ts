// The table printed at the end of a run: what was tested, what was found, and how to replay it.
import { SEVERITIES } from '../core/finding.js';
import type { RunResult } from '../core/run-result.js';

export function formatSummary(result: RunResult, reportsWritten: { format: string; path: string }[] = []): string {
  const s = result.summary;
  const rows: [string, string][] = [
    ['target', s.target],
    ['operations', String(s.operations)],
    ['cases', String(s.cases)],
    ['scenarios', String(s.scenarios)],
    ['requests', String(s.requests)],
    ['no response', s.transportErrors === 0 ? '0' : `${s.transportErrors} (refused, reset or timed out)`],
    ['findings', String(s.findings)],
    ...SEVERITIES.filter((severity) => s.bySeverity[severity] > 0).map((severity): [string, string] => [`  ${severity}`, String(s.bySeverity[severity])]),
    ...(s.flaky !== undefined ? [['flaky', `${s.flaky} (not reproduced when sent again)`] as [string, string]] : []),
    ...(s.baseline !== undefined
      ? ([
          ['baseline', s.baseline.file],
          ['  new', String(s.baseline.new)],
          ['  persisting', String(s.baseline.persisting)],
          ['  fixed', String(s.baseline.fixed.length)],
        ] as [string, string][])
      : []),
    ['time', `${(s.durationMs / 1000).toFixed(1)} s`],
    ['seed', `${s.seed} (replay with --seed ${s.seed})`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = ['', 'Summary', ...rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`)];
  const checks = Object.entries(s.byCheck).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (checks.length > 0) {
    const checkWidth = Math.max(...checks.map(([id]) => id.length));
    lines.push('', 'Findings by check', ...checks.map(([id, n]) => `  ${id.padEnd(checkWidth)}  ${n}`));
  }
  if (result.findings.length > 0) {
    lines.push('', 'Findings');
    for (const f of result.findings.slice(0, 50)) {
      const count = f.count > 1 ? ` (×${f.count})` : '';
      const marks = [f.baseline, f.flaky !== undefined ? 'flaky' : undefined].filter(Boolean).map((mark) => ` [${mark}]`).join('');
      lines.push(`  [${f.severity}] ${f.check} ${f.operation}: ${f.title}${count}${marks}`);
    }
    if (result.findings.length > 50) lines.push(`  … and ${result.findings.length - 50} more (see the reports)`);
  }
  if (s.baseline !== undefined && s.baseline.fixed.length > 0) {
    lines.push('', `Fixed since ${s.baseline.file}`, ...s.baseline.fixed.map((f) => `  [${f.severity}] ${f.check} ${f.operation}: ${f.title}`));
  }
  if (s.notes.length > 0) lines.push('', 'Notes', ...s.notes.map((note) => `  - ${note}`));
  if (reportsWritten.length > 0) lines.push('', 'Reports', ...reportsWritten.map((r) => `  ${r.format.padEnd(5)}  ${r.path}`));
  return `${lines.join('\n')}\n`;
}
