// The terminal summary of a perf run: per-operation table, thresholds, baseline comparison, knee, growth.
import type { PerfAnalysis } from '../analyzer.js';
import type { LoadResult, OperationStats, ScenarioStats } from '../../execution/load/result.js';

export function formatPerfSummary(result: LoadResult, analysis: PerfAnalysis): string {
  const lines: string[] = [];
  // With scenarios an arrival (open) or a turn (closed) may be a whole iteration, not one request.
  const unit = result.model === 'open' ? (result.scenarios ? 'arrivals/s' : 'req/s') : 'virtual users';
  lines.push(`${result.model} model (${result.stages.map((stage) => `${stage.name}: ${round(stage.target)} ${unit}`).join(', ')}), ${(result.durationMs / 1000).toFixed(1)}s, ${result.workers} worker(s)`);
  lines.push('');
  const header = ['operation', 'requests', 'req/s', 'errors', '4xx', 'p50', 'p90', 'p95', 'p99', 'max'];
  const rows = [...result.operations, result.overall].map((stats) => row(stats));
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((cells) => cells[column]!.length)));
  const render = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  lines.push(render(header), ...rows.map(render));
  lines.push('  (latency in ms, measured from the intended send time in the open model)');
  if (result.scenarios && result.scenarios.length > 0) {
    lines.push('', 'scenarios (each step is counted above under its own operation):');
    for (const scenario of result.scenarios) lines.push(...scenarioLines(scenario));
  }
  const transport = Object.entries(result.overall.transportErrors);
  if (transport.length > 0) lines.push(`transport errors: ${transport.map(([code, count]) => `${code} ${count}`).join(', ')}`);
  if (analysis.thresholds.length > 0) {
    lines.push('', 'thresholds:');
    for (const verdict of analysis.thresholds) lines.push(`  ${verdict.passed ? 'pass' : 'FAIL'}  ${verdict.threshold}  (actual ${verdict.actual}${verdict.unit === '%' ? '%' : ` ${verdict.unit}`})`);
  }
  if (analysis.comparisons.length > 0) {
    lines.push('', 'against the baseline:');
    for (const comparison of analysis.comparisons) {
      lines.push(`  ${comparison.regression ? 'REGRESSION' : 'ok        '}  ${comparison.operation === '*' ? 'all operations' : comparison.operation}: ${comparison.detail}`);
    }
  }
  if (analysis.knee) {
    const knee = analysis.knee;
    lines.push('', `stress steps (limits: p99 <= ${knee.p99LimitMs} ms, errors <= ${round(knee.errorRateLimit * 100)}%):`);
    for (const step of knee.steps) lines.push(`  ${step.withinLimits ? 'inside ' : 'OUTSIDE'}  ${step.stage}: ${step.throughput} req/s, p99 ${step.p99} ms, errors ${round(step.errorRate * 100)}%`);
    lines.push(knee.knee ? `  knee: ${knee.knee.throughput} req/s (${knee.knee.stage})` : '  knee: none — the first step already exceeded the limits');
  }
  for (const flag of analysis.growth.filter((entry) => entry.flagged)) {
    const name = flag.operation === '*' ? 'all operations' : flag.operation;
    const per = flag.against === 'load' ? 'per 100 req/s' : 'per minute';
    lines.push(`latency grows with ${flag.against}: ${name}: p95 ${flag.from} -> ${flag.to} ms (Spearman rho ${flag.rho}, p=${flag.pValue}, +${flag.slope} ms ${per})`);
  }
  for (const note of analysis.notes) lines.push(`note: ${note}`);
  lines.push('', analysis.passed ? 'result: passed' : 'result: FAILED');
  return `${lines.join('\n')}\n`;
}

function row(stats: OperationStats): string[] {
  const latency = stats.latency;
  return [
    stats.operation === '*' ? 'all' : stats.operation,
    String(stats.requests),
    String(round(stats.throughput)),
    `${round(stats.errorRate * 100)}%`,
    String(stats.statusClasses['4xx'] ?? 0),
    ...[latency.p50, latency.p90, latency.p95, latency.p99, latency.max].map((value) => String(round(value))),
  ];
}

function scenarioLines(scenario: ScenarioStats): string[] {
  const duration = scenario.duration;
  const lines = [
    `  ${scenario.name}: ${scenario.iterations} iterations, ${scenario.completed} completed, ${scenario.failed} failed, ${scenario.interrupted} interrupted` +
      (scenario.skippedSteps > 0 ? `, ${scenario.skippedSteps} steps skipped` : '') +
      (scenario.completed > 0 ? `; duration p50 ${round(duration.p50)} ms, p95 ${round(duration.p95)} ms, p99 ${round(duration.p99)} ms` : ''),
  ];
  const failures = Object.entries(scenario.failures).sort((a, b) => b[1] - a[1]);
  for (const [reason, count] of failures.slice(0, 5)) lines.push(`    failed at ${reason}: ${count}`);
  if (failures.length > 5) lines.push(`    ... and ${failures.length - 5} other failure reasons (see the JSON report)`);
  return lines;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
