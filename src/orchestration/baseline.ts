// Comparing a run with a previous one: the baseline is a `--report json=` file; its findings and this
// run's are matched by fingerprint (check, operation, cause), so a finding is `new` or `persisting`, and
// a baseline finding of an operation this run tested that it did not produce is `fixed` (in the summary).
import { SentinelError } from '../core/errors.js';
import { SEVERITIES, type Severity } from '../core/finding.js';
import { findingFingerprint } from '../core/fingerprint.js';
import type { FixedFinding, RunResult } from '../core/run-result.js';

export interface Baseline {
  file: string;
  findings: FixedFinding[];
}

const FINGERPRINT = /^[0-9a-f]{32}$/;

/** Parses a baseline report; anything unusable is a one-line usage error naming the file and the problem. */
export function parseBaseline(text: string, file: string): Baseline {
  const fail = (problem: string): never => {
    throw new SentinelError('usage', `--baseline ${file}: ${problem}`);
  };
  let report: unknown;
  try {
    report = JSON.parse(text);
  } catch (error) {
    return fail(`not JSON (${(error as Error).message.split('\n')[0]})`);
  }
  if (!isRecord(report)) return fail('not a JSON object: expected a `sentinel run --report json=` file');
  if (report.kind === 'sentinel-perf-report') return fail('a performance report; expected a `sentinel run --report json=` file');
  if (!Array.isArray(report.findings)) return fail('no "findings" array: expected a `sentinel run --report json=` file');
  const findings = report.findings.map((entry: unknown, index: number): FixedFinding => {
    const at = `findings[${index}]`;
    if (!isRecord(entry)) return fail(`${at} is not an object`);
    const { check, operation, cause, fingerprint, severity, title } = entry;
    if (typeof check !== 'string' || typeof operation !== 'string') return fail(`${at} has no "check" and "operation" strings`);
    let print: string;
    if (fingerprint !== undefined) {
      if (typeof fingerprint !== 'string' || !FINGERPRINT.test(fingerprint)) return fail(`${at}.fingerprint is not 32 lower-case hex digits`);
      print = fingerprint;
    } else if (typeof cause === 'string') {
      print = findingFingerprint({ check, operation, cause });
    } else {
      return fail(`${at} has neither a "fingerprint" nor a "cause"`);
    }
    if (typeof severity !== 'string' || !(SEVERITIES as readonly string[]).includes(severity)) return fail(`${at}.severity is not one of ${SEVERITIES.join(', ')}`);
    return { fingerprint: print, check, operation, severity: severity as Severity, title: typeof title === 'string' ? title : '' };
  });
  return { file, findings };
}

/** The run with each finding marked new or persisting and the summary's comparison; the input is not changed. */
export function applyBaseline(result: RunResult, baseline: Baseline): RunResult {
  const before = new Set(baseline.findings.map((finding) => finding.fingerprint));
  const findings = result.findings.map((finding) => ({ ...finding, baseline: before.has(findingFingerprint(finding)) ? ('persisting' as const) : ('new' as const) }));
  const now = new Set(result.findings.map(findingFingerprint));
  // An operation this run did not test (filtered out, or not reached) fixed nothing.
  const tested = result.summary.checksRun;
  const seen = new Set<string>();
  const fixed = baseline.findings.filter((finding) => {
    if (now.has(finding.fingerprint) || seen.has(finding.fingerprint)) return false;
    if (tested !== undefined && tested[finding.operation] === undefined) return false;
    seen.add(finding.fingerprint);
    return true;
  });
  const persisting = findings.filter((finding) => finding.baseline === 'persisting').length;
  return {
    summary: { ...result.summary, baseline: { file: baseline.file, new: findings.length - persisting, persisting, fixed } },
    findings,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
