// The written form of a finding, shared by every writer: its fields in a stable order, findings sorted.
// Findings arrive redacted (execution redacts them where they are made); writers only format.
import type { Finding } from '../core/finding.js';
import { findingFingerprint } from '../core/fingerprint.js';
import { severityRank } from '../core/finding.js';
import type { RunResult } from '../core/run-result.js';

/** One request/response pair as written. */
export type ReportExchange = Pick<Finding, 'request' | 'response' | 'curl'>;

/** A finding as written: every field of the Finding contract except the internal case ids. */
export interface ReportFinding extends Omit<Finding, 'caseIds' | 'steps'> {
  /** The same defect has the same fingerprint in every run (see core/fingerprint.ts). */
  fingerprint: string;
  steps?: (ReportExchange & { title: string })[];
}

/** Findings worst first, then by check and operation, so reports diff cleanly between runs. */
export function reportFindings(result: RunResult): ReportFinding[] {
  return [...result.findings]
    .sort(
      (a, b) =>
        severityRank(b.severity) - severityRank(a.severity) ||
        byCodePoint(a.check, b.check) ||
        byCodePoint(a.operation, b.operation) ||
        byCodePoint(a.cause, b.cause),
    )
    .map(toReportFinding);
}

/** Locale-independent, so the same run gives byte-identical reports on every machine. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function exchange(request: Finding['request'], curl: string, response: Finding['response']): ReportExchange {
  const written: ReportExchange = { request, curl };
  if (response) written.response = { status: response.status, headers: response.headers, body: response.body };
  return written;
}

export function toReportFinding(finding: Finding): ReportFinding {
  const written: ReportFinding = {
    check: finding.check,
    severity: finding.severity,
    operation: finding.operation,
    title: finding.title,
    message: finding.message,
    cause: finding.cause,
    fingerprint: findingFingerprint(finding),
    count: finding.count,
    correlationId: finding.correlationId,
    ...exchange(finding.request, finding.curl, finding.response),
  };
  if (finding.evidence !== undefined) written.evidence = finding.evidence;
  if (finding.payload !== undefined) written.payload = finding.payload;
  if (finding.flaky !== undefined) written.flaky = finding.flaky;
  if (finding.baseline !== undefined) written.baseline = finding.baseline;
  if (finding.steps) written.steps = finding.steps.map((step) => ({ title: step.title, ...exchange(step.request, step.curl, step.response) }));
  return written;
}
