import { describe, expect, it } from 'vitest';
import { findingFingerprint } from '../../../src/core/fingerprint.js';
import { applyBaseline, parseBaseline } from '../../../src/orchestration/baseline.js';
import { writers } from '../../../src/report/index.js';
import { finding, runResult } from '../report/fixtures.js';

describe('findingFingerprint', () => {
  it('is sha256 of the dedupe key (check, operation, cause), 32 hex digits: what the platform stores', () => {
    expect(findingFingerprint({ check: 'server_error', operation: 'POST /pets', cause: 'status:500' })).toBe('e49858cb82d333b2e835624dcfcd4bc4');
  });

  it('ignores everything but check, operation and cause (seed, request, count)', () => {
    const a = finding();
    const b = finding({ count: 9, title: 'other title', request: { method: 'POST', url: 'http://127.0.0.1:1/pets?x=1', headers: {} } });
    expect(findingFingerprint(a)).toBe(findingFingerprint(b));
    expect(findingFingerprint(finding({ cause: 'status:502' }))).not.toBe(findingFingerprint(a));
    // The key is structured, not concatenated: moving a character between fields changes it.
    expect(findingFingerprint({ check: 'a', operation: 'b c', cause: '' })).not.toBe(findingFingerprint({ check: 'a b', operation: 'c', cause: '' }));
  });
});

describe('baseline matching', () => {
  const persisting = finding({ check: 'server_error', operation: 'POST /pets', cause: 'status:500' });
  const fresh = finding({ check: 'response_schema_conformance', operation: 'GET /pets/{id}', cause: 'type /id', severity: 'medium', title: 'Schema' });
  const gone = finding({ check: 'server_error', operation: 'GET /pets/{id}', cause: 'status:503', title: 'Was broken' });
  const untested = finding({ check: 'server_error', operation: 'DELETE /pets/{id}', cause: 'status:500' });

  it("reads a run's own JSON report back and marks new, persisting and fixed", () => {
    const before = parseBaseline(writers.json(runResult([persisting, gone, untested])), 'old.json');
    expect(before.findings.map((f) => f.fingerprint)).toEqual(expect.arrayContaining([findingFingerprint(persisting), findingFingerprint(gone)]));
    const compared = applyBaseline(runResult([persisting, fresh]), before);
    expect(compared.findings.map((f) => [f.check, f.baseline])).toEqual([
      ['server_error', 'persisting'],
      ['response_schema_conformance', 'new'],
    ]);
    // DELETE /pets/{id} was not tested by this run (not in checksRun): not fixed, just not looked at.
    expect(compared.summary.baseline).toEqual({
      file: 'old.json',
      new: 1,
      persisting: 1,
      fixed: [{ fingerprint: findingFingerprint(gone), check: 'server_error', operation: 'GET /pets/{id}', severity: 'high', title: 'Was broken' }],
    });
  });

  it('the JSON report carries fingerprint and baseline state per finding', () => {
    const compared = applyBaseline(runResult([persisting, fresh]), parseBaseline(writers.json(runResult([persisting])), 'old.json'));
    const report = JSON.parse(writers.json(compared));
    expect(report.findings.map((f: { fingerprint: string; baseline: string }) => [f.fingerprint, f.baseline])).toEqual([
      [findingFingerprint(persisting), 'persisting'],
      [findingFingerprint(fresh), 'new'],
    ]);
    expect(report.summary.baseline.new).toBe(1);
  });

  it('matches a finding given by fingerprint alone, or by check, operation and cause alone', () => {
    const byPrint = parseBaseline(JSON.stringify({ findings: [{ check: 'x', operation: 'GET /', severity: 'low', fingerprint: findingFingerprint(persisting) }] }), 'f');
    const byCause = parseBaseline(JSON.stringify({ findings: [{ check: persisting.check, operation: persisting.operation, severity: 'low', cause: persisting.cause }] }), 'f');
    for (const baseline of [byPrint, byCause]) expect(applyBaseline(runResult([persisting]), baseline).findings[0]!.baseline).toBe('persisting');
  });

  it('leaves the run result it was given unchanged', () => {
    const result = runResult([persisting]);
    applyBaseline(result, parseBaseline('{"findings": []}', 'f'));
    expect(result.findings[0]!.baseline).toBeUndefined();
    expect(result.summary.baseline).toBeUndefined();
  });

  it.each([
    ['[]', 'not a JSON object'],
    ['{"findings": {}}', 'no "findings" array'],
    ['{"findings": [1]}', 'findings[0] is not an object'],
    ['{"findings": [{"check": "a", "operation": "GET /", "cause": "c", "severity": "huge"}]}', 'findings[0].severity is not one of critical, high, medium, low, info'],
    ['{"findings": [{"operation": "GET /", "cause": "c", "severity": "low"}]}', 'findings[0] has no "check" and "operation" strings'],
  ])('%s is refused: %s', (text, problem) => {
    expect(() => parseBaseline(text, 'reports/old.json')).toThrow(`--baseline reports/old.json: ${problem}`);
  });
});
