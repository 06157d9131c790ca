// Runs the built Sentinel CLI against the example Shop API (started here on 127.0.0.1, fresh state per
// run) and reads its JSON report. Shared by the example-*.test.ts files.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sentinel } from '../support/cli.js';
// @ts-expect-error: plain JavaScript module (JSDoc-typed), no declaration file.
import { startExampleApi } from '../../examples/shop-api/app.mjs';
// @ts-expect-error: plain JavaScript module (JSDoc-typed), no declaration file.
import { CONSEQUENCES, SEEDED_DEFECTS } from '../../examples/shop-api/seeded-defects.mjs';

export interface SeededDefect {
  check: string;
  operations: string[];
  agent: string;
  defect: string;
}
export const DEFECTS: SeededDefect[] = SEEDED_DEFECTS;

export const SPEC = resolve('examples/shop-api/openapi.yaml');
export const CONFIG = resolve('examples/shop-api/sentinel.config.yaml');

export interface ReportFinding {
  check: string;
  severity: string;
  operation: string;
  title: string;
  message: string;
  evidence?: string;
  payload?: string;
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  response?: { status: number; headers: Record<string, string | string[]>; body: string };
  curl: string;
  count: number;
}

export interface SentinelRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  report: { summary: { requests: number; findings: number; notes: string[]; byCheck: Record<string, number> }; findings: ReportFinding[] };
  /** The same run as JUnit XML (`--report junit=`), for CI systems. */
  junit: string;
  /** The same run as SARIF 2.1.0 (`--report sarif=`), for code-scanning UIs. */
  sarif: { version: string; runs: { results: { ruleId: string; locations: { logicalLocations?: { fullyQualifiedName: string }[] }[] }[] }[] };
}

/**
 * Starts the example API (`defects` on or off), runs `sentinel run` with the example's config and the
 * given extra flags, stops the API and returns the exit code, the output and the JSON report. A run
 * takes 5–15 s; the generous timeout is for a CI machine whose two cores are shared by other suites.
 */
export async function runAgainstExample(defects: boolean, extraArgs: string[]): Promise<SentinelRun> {
  const api: { url: string; close: () => Promise<void> } = await startExampleApi({ defects });
  const dir = mkdtempSync(join(tmpdir(), 'sentinel-example-'));
  const reportPath = join(dir, 'report.json');
  const sarifPath = join(dir, 'report.sarif');
  const junitPath = join(dir, 'junit.xml');
  try {
    const reports = ['--report', `json=${reportPath}`, '--report', `sarif=${sarifPath}`, '--report', `junit=${junitPath}`];
    const args = ['run', SPEC, '--base-url', api.url, '--config', CONFIG, '--seed', '7', ...reports, ...extraArgs];
    const { code, stdout, stderr } = await sentinel(args, { timeoutMs: 110_000 });
    const exitCode = code ?? -1;
    let report: SentinelRun['report'];
    let sarif: SentinelRun['sarif'];
    let junit: string;
    try {
      report = JSON.parse(readFileSync(reportPath, 'utf8'));
      sarif = JSON.parse(readFileSync(sarifPath, 'utf8'));
      junit = readFileSync(junitPath, 'utf8');
    } catch {
      throw new Error(`sentinel wrote no JSON, SARIF or JUnit report (exit ${exitCode}):\n${stderr}\n${stdout}`);
    }
    return { exitCode, stdout, stderr, report, sarif, junit };
  } finally {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** True when a finding with this check names one of these operations. */
export function isReported(findings: ReportFinding[], check: string, operations: string[]): boolean {
  return findings.some((finding) => finding.check === check && operations.includes(finding.operation));
}

/** Findings that are neither a seeded defect nor a documented consequence of one: false alarms. */
export function unexplained(findings: ReportFinding[]): ReportFinding[] {
  const consequences: { check: string; operation: string }[] = CONSEQUENCES;
  return findings.filter(
    (f) => !isReported([f], f.check, DEFECTS.filter((d) => d.check === f.check).flatMap((d) => d.operations)) && !consequences.some((c) => c.check === f.check && c.operation === f.operation),
  );
}

/** Findings of the JSON report with no SARIF result of the same check (ruleId) and operation. */
export function missingFromSarif(run: SentinelRun): string[] {
  const results = run.sarif.runs.flatMap((r) => r.results);
  const listed = (f: ReportFinding) =>
    results.some((result) => result.ruleId === f.check && result.locations.some((l) => l.logicalLocations?.some((at) => at.fullyQualifiedName === f.operation)));
  return run.report.findings.filter((f) => !listed(f)).map((f) => `${f.check} ${f.operation}`);
}

/** True when the JUnit report has a failing test case for this check in the suite of this operation. */
export function failsInJunit(junit: string, check: string, operation: string): boolean {
  const attribute = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`<testcase classname="${attribute(operation)}" name="${attribute(check)}"[^>]*>\\s*<failure`).test(junit);
}

/** One line per finding, for failure messages: what the engine actually said. */
export function describeFindings(findings: ReportFinding[]): string {
  return findings.map((f) => `  ${f.check} ${f.operation}: ${f.title} (${f.request.method} ${f.request.url} → ${f.response?.status ?? 'no response'})`).join('\n') || '  (none)';
}

/**
 * One suite against the defective example API: `sentinel run --agents <agents>`, then the tests every
 * agent suite shares (exit 1, no false alarm, each seeded defect of `defectAgents` found); `more` adds
 * the suite's own tests, reading the run once it has finished.
 */
export function describeAgentsAgainstExample(
  agents: string[],
  defectAgents: string[],
  more: (run: () => SentinelRun, defects: SeededDefect[]) => void,
): void {
  const defects = DEFECTS.filter((d) => defectAgents.includes(d.agent));
  describe(`sentinel run --agents ${agents.join(',')} against the defective example API`, () => {
    let run: SentinelRun;
    beforeAll(async () => {
      run = await runAgainstExample(true, ['--agents', agents.join(',')]);
    }, 120_000);

    it('exits 1 because it found defects', () => {
      expect(run.exitCode, run.stderr).toBe(1);
    });

    it('reports nothing beyond the seeded defects and their documented consequences (no false alarm)', () => {
      const extra = unexplained(run.report.findings);
      expect(extra, `unexplained findings:\n${describeFindings(extra)}`).toEqual([]);
    });

    it.each(defects.map((d) => [d.check, d.operations[0], d] as const))('finds %s on %s', (check, _operation, defect) => {
      expect(isReported(run.report.findings, check, defect.operations), `${defect.defect}\nreported:\n${describeFindings(run.report.findings)}`).toBe(true);
    });

    more(() => run, defects);
  });
}
