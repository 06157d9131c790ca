// Everything a run produced; the input of every report writer.
import type { Finding, Severity } from './finding.js';

/** A finding of the baseline report that this run did not produce. */
export interface FixedFinding {
  fingerprint: string;
  check: string;
  operation: string;
  severity: Severity;
  title: string;
}

/** How a run compares with a previous report (`--baseline`). */
export interface BaselineComparison {
  /** The baseline report file, as given. */
  file: string;
  new: number;
  persisting: number;
  fixed: FixedFinding[];
}

export interface RunSummary {
  runId: string;
  target: string;
  spec: string;
  seed: number;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  operations: number;
  cases: number;
  scenarios: number;
  requests: number;
  /** Requests that got no response (refused, reset, timed out). */
  transportErrors: number;
  findings: number;
  bySeverity: Record<Severity, number>;
  byCheck: Record<string, number>;
  /** What agents could not test, and why. */
  notes: string[];
  /** Operation key → ids of the checks that judged at least one of its exchanges (JUnit shows them as passing cases). */
  checksRun?: Record<string, string[]>;
  /**
   * Names of the spec's apiKey security scheme parameters (header, query or cookie), redacted in every
   * report on top of the built-in secret-looking names (see execution/redaction/redact.ts `secretParamNames`).
   */
  secretNames?: string[];
  /** Findings not reproduced when their request was sent again (marked `flaky`); absent when none. */
  flaky?: number;
  /** Present when the run was compared with a baseline report. */
  baseline?: BaselineComparison;
}

export interface RunResult {
  summary: RunSummary;
  findings: Finding[];
}
