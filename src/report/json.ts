// The JSON report (DESIGN.md's contract): `{ summary, findings }` as execution made them (redacted), stable order.
import type { RunResult } from '../core/run-result.js';
import { reportFindings, type ReportFinding } from './report-finding.js';

export function writeJson(result: RunResult): string {
  const report = { summary: result.summary, findings: reportFindings(result).map(orderFields) };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Contract fields first, in the documented order, then the extras CI baselines use (cause, fingerprint, baseline state, flaky evidence, correlationId). */
function orderFields(finding: ReportFinding): Record<string, unknown> {
  const written: Record<string, unknown> = {
    check: finding.check,
    severity: finding.severity,
    operation: finding.operation,
    title: finding.title,
    message: finding.message,
    request: finding.request,
    response: finding.response,
    curl: finding.curl,
    count: finding.count,
  };
  if (finding.evidence !== undefined) written.evidence = finding.evidence;
  if (finding.payload !== undefined) written.payload = finding.payload;
  if (finding.steps !== undefined) written.steps = finding.steps;
  written.cause = finding.cause;
  written.fingerprint = finding.fingerprint;
  if (finding.baseline !== undefined) written.baseline = finding.baseline;
  // `flaky` is the evidence: how the judged exchange and the repeat differed.
  if (finding.flaky !== undefined) written.flaky = finding.flaky;
  written.correlationId = finding.correlationId;
  return written;
}
