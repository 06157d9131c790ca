// A defect found by a check, with the evidence a person needs to reproduce it.
import type { SentRequest, ReceivedResponse } from './exchange.js';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** Higher is worse; used for `--fail-on` thresholds and sorting. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}

/** What a check returns: data only. The engine adds evidence, dedupes and shrinks. */
export interface FindingDraft {
  title: string;
  /** One or two sentences: what was expected and what happened. */
  message: string;
  /**
   * What makes two failures the same defect (besides check and operation), e.g. the undocumented
   * status code or the schema keyword that failed. Same check + operation + cause → one finding.
   */
  cause: string;
  /** An excerpt proving the defect (an error signature, a reflected payload...). */
  evidence?: string;
  /** The injected payload, for security checks. */
  payload?: string;
  /** Overrides the check's default severity. */
  severity?: Severity;
}

export interface FindingStep {
  title: string;
  request: SentRequest;
  response?: ReceivedResponse;
  curl: string;
}

export interface Finding {
  check: string;
  severity: Severity;
  /** `"METHOD /path/template"` as written in the spec. */
  operation: string;
  title: string;
  message: string;
  cause: string;
  evidence?: string;
  payload?: string;
  /** The (shrunk) request that reproduces it; headers redacted when written. */
  request: SentRequest;
  response?: { status: number; headers: Record<string, string | string[]>; body: string };
  curl: string;
  /** How many failing exchanges collapsed into this finding. */
  count: number;
  caseIds: string[];
  correlationId: string;
  /** For scenario findings: every step, each with its own curl line. */
  steps?: FindingStep[];
  /** Present when the shrunk request, sent once more, did not fail the same way: both outcomes. */
  flaky?: FlakyEvidence;
  /** Set by a run with `--baseline`: whether the baseline report already had this finding's fingerprint. */
  baseline?: BaselineState;
}

/** `fixed` exists only in the summary: a baseline finding this run did not produce. */
export type BaselineState = 'new' | 'persisting';

/** One sending of a finding's request, as the flaky evidence shows it. */
export interface RecheckOutcome {
  correlationId: string;
  status?: number;
  /** Transport error code when no response came back. */
  transportError?: string;
  durationMs: number;
  /** What the finding's check concluded on this outcome. */
  verdict: string;
}

export interface FlakyEvidence {
  /** The exchange the finding was judged on. */
  original: RecheckOutcome;
  /** The same request sent again after the run. */
  retry: RecheckOutcome;
}
