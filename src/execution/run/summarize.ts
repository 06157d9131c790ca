// The run summary: counts, findings by severity and check, and the notes of what was not tested.
import { SEVERITIES, type Finding, type Severity } from '../../core/finding.js';
import type { RunSummary } from '../../core/run-result.js';
import { redactUrl } from '../redaction/redact.js';

export interface SummaryInput {
  runId: string;
  options: { baseUrl: string; operations: unknown[]; plan: { seed: number; cases: unknown[]; scenarios: unknown[] }; model: { source: string } };
  startedAt: Date;
  requests: number;
  transportErrors: number;
  findings: Finding[];
  notes: string[];
  secretNames: string[];
  checksRun: Map<string, Set<string>>;
}

export function summarize(input: SummaryInput): RunSummary {
  const finishedAt = new Date();
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byCheck: Record<string, number> = {};
  for (const finding of input.findings) {
    bySeverity[finding.severity] += 1;
    byCheck[finding.check] = (byCheck[finding.check] ?? 0) + 1;
  }
  return {
    runId: input.runId,
    target: redactUrl(input.options.baseUrl, input.secretNames),
    spec: /^https?:\/\//i.test(input.options.model.source) ? redactUrl(input.options.model.source, input.secretNames) : input.options.model.source,
    seed: input.options.plan.seed,
    startedAt: input.startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - input.startedAt.getTime(),
    operations: input.options.operations.length,
    cases: input.options.plan.cases.length,
    scenarios: input.options.plan.scenarios.length,
    requests: input.requests,
    transportErrors: input.transportErrors,
    findings: input.findings.length,
    bySeverity,
    byCheck,
    notes: input.notes,
    checksRun: Object.fromEntries([...input.checksRun].map(([key, ids]) => [key, [...ids].sort()])),
    secretNames: input.secretNames,
  };
}

/** `timeout ×3, ECONNRESET ×1`, most frequent first; with `messages`, each code's first message in words. */
export function describeCodes(byCode: Record<string, number>, messages: Record<string, string> = {}): string {
  return Object.entries(byCode)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => (messages[code] !== undefined ? `${code} ×${n}: ${messages[code]}` : `${code} ×${n}`))
    .join('; ');
}
