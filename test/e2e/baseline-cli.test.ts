// `sentinel run --baseline` against the example Shop API: a run on the defective API is the baseline;
// after one seeded defect is fixed the next run reports it fixed and passes (what persists does not
// fail it), and once a new defect is seeded it fails on that one alone.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliBeforeAll, sentinel } from '../support/cli.js';
import { CONFIG, SPEC } from './example-harness.js';
// @ts-expect-error: plain JavaScript module (JSDoc-typed), no declaration file.
import { startExampleApi } from '../../examples/shop-api/app.mjs';

interface BaselineReport {
  summary: { baseline?: { file: string; new: number; persisting: number; fixed: { check: string; operation: string; fingerprint: string }[] } };
  findings: { check: string; operation: string; fingerprint: string; baseline?: string; flaky?: unknown }[];
}

const dir = mkdtempSync(join(tmpdir(), 'sentinel-baseline-'));
const BASELINE = join(dir, 'baseline.json');
// Three operations keep each run short: the one whose defect gets fixed, one whose defects persist, and
// the one a regression breaks.
const SCOPE = ['--include', 'operationId:sendFeedback', '--include', 'operationId:getHealth', '--include', 'operationId:listWebhooks', '--agents', 'positive,negative'];

async function runExample(switches: { fixed?: string[]; regressions?: string[] }, name: string, extra: string[] = []) {
  const api: { url: string; close: () => Promise<void> } = await startExampleApi({ defects: true, ...switches });
  const reportPath = join(dir, `${name}.json`);
  try {
    const { code, stdout, stderr } = await sentinel(['run', SPEC, '--base-url', api.url, '--config', CONFIG, '--seed', '11', ...SCOPE, '--report', `json=${reportPath}`, ...extra], { timeoutMs: 110_000 });
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as BaselineReport;
    return { code, stdout, stderr, report, reportPath };
  } finally {
    await api.close();
  }
}

buildCliBeforeAll();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sentinel run --baseline against the example API', () => {
  let baseline: Awaited<ReturnType<typeof runExample>>;
  let fixedOnly: Awaited<ReturnType<typeof runExample>>;
  let regressed: Awaited<ReturnType<typeof runExample>>;

  beforeAll(async () => {
    baseline = await runExample({}, 'baseline');
    writeFileSync(BASELINE, readFileSync(baseline.reportPath));
    fixedOnly = await runExample({ fixed: ['sendFeedback'] }, 'fixed', ['--baseline', BASELINE]);
    regressed = await runExample({ fixed: ['sendFeedback'], regressions: ['listWebhooks'] }, 'regressed', ['--baseline', BASELINE]);
  }, 330_000);

  it('the baseline run finds the feedback defect and the health defects, each with a fingerprint', () => {
    expect(baseline.code, baseline.stderr).toBe(1);
    const checks = baseline.report.findings.map((f) => `${f.check} ${f.operation}`);
    expect(checks).toContain('status_code_conformance POST /feedback');
    expect(checks).toContain('content_type_conformance GET /health');
    expect(checks.some((c) => c.endsWith('GET /webhooks'))).toBe(false);
    for (const finding of baseline.report.findings) expect(finding.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });

  it('after the fix: the feedback defect is fixed, the health defects persist, and the run passes', () => {
    expect(fixedOnly.code, `${fixedOnly.stdout}\n${fixedOnly.stderr}`).toBe(0);
    const comparison = fixedOnly.report.summary.baseline!;
    expect(comparison.file).toBe(BASELINE);
    expect(comparison.fixed.map((f) => `${f.check} ${f.operation}`)).toEqual(['status_code_conformance POST /feedback']);
    expect(comparison.new).toBe(0);
    expect(fixedOnly.report.findings.every((f) => f.baseline === 'persisting')).toBe(true);
    expect(comparison.persisting).toBe(fixedOnly.report.findings.length);
    expect(fixedOnly.stdout).toMatch(/Fixed since .*baseline\.json\n\s+\[\w+\] status_code_conformance POST \/feedback/);
  });

  it('after a new defect is seeded: the run fails on it alone', () => {
    expect(regressed.code, `${regressed.stdout}\n${regressed.stderr}`).toBe(1);
    const fresh = regressed.report.findings.filter((f) => f.baseline === 'new');
    expect(fresh.map((f) => `${f.check} ${f.operation}`)).toEqual(['server_error GET /webhooks']);
    expect(regressed.report.summary.baseline!.fixed.map((f) => f.operation)).toEqual(['POST /feedback']);
    const persisting = regressed.report.findings.filter((f) => f.baseline === 'persisting');
    expect(persisting.map((f) => f.fingerprint).sort()).toEqual(fixedOnly.report.findings.map((f) => f.fingerprint).sort());
  });

  it('persisting findings alone do not fail the run, even at --fail-on info', async () => {
    const again = await runExample({ fixed: ['sendFeedback'] }, 'again', ['--baseline', BASELINE, '--fail-on', 'info']);
    expect(again.code, again.stderr).toBe(0);
  }, 120_000);
});

describe('a bad baseline file is a one-line error naming it', () => {
  const cases: [string, string, RegExp][] = [
    ['not JSON', '{"findings": [', /not JSON/],
    ['no findings array', '{"summary": {}}', /no "findings" array/],
    ['a perf report', '{"kind": "sentinel-perf-report", "findings": []}', /a performance report/],
    ['a finding without a cause', '{"findings": [{"check": "server_error", "operation": "GET /x", "severity": "high"}]}', /findings\[0\] has neither a "fingerprint" nor a "cause"/],
    ['a malformed fingerprint', '{"findings": [{"check": "server_error", "operation": "GET /x", "severity": "high", "fingerprint": "xyz"}]}', /findings\[0\]\.fingerprint is not 32 lower-case hex digits/],
  ];
  it.each(cases)('%s', async (_name, content, problem) => {
    const file = join(dir, `bad-${_name.replace(/\W+/g, '-')}.json`);
    writeFileSync(file, content);
    const { code, stderr, stdout } = await sentinel(['run', SPEC, '--base-url', 'http://127.0.0.1:9', '--baseline', file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`--baseline ${file}: `);
    expect(lines[0]).toMatch(problem);
  });

  it('a missing file', async () => {
    const file = join(dir, 'missing.json');
    const { code, stderr } = await sentinel(['run', SPEC, '--base-url', 'http://127.0.0.1:9', '--baseline', file]);
    expect(code).toBe(2);
    expect(stderr.trim()).toMatch(new RegExp(`--baseline ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: cannot read it \\(no such file\\)$`));
  });
});
