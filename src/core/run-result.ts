// Everything a run produced; the input of every report writer.
import type { Finding, Severity } from './finding.js';

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
}

export interface RunResult {
  summary: RunSummary;
  findings: Finding[];
}
