import { describe, expect, it } from 'vitest';
import { writers, REPORT_FORMATS } from '../../../src/report/index.js';
import { sarifLevel, specArtifact } from '../../../src/report/sarif.js';
import { findAll, parseXml } from './xml-parser.js';
import { defaultFindings, finding, runResult, SECRETS } from './fixtures.js';

describe('every writer', () => {
  it.each(REPORT_FORMATS)('%s: no secret survives', (format) => {
    const output = writers[format](runResult());
    for (const [name, secret] of Object.entries(SECRETS)) {
      expect(output, `${name} leaked in ${format}`).not.toContain(secret);
    }
    expect(output).not.toContain(Buffer.from(`alice:${SECRETS.basicPassword}`).toString('base64'));
  });

  it.each(REPORT_FORMATS)('%s: an empty run is still a valid report', (format) => {
    const empty = runResult([]);
    empty.summary.transportErrors = 0;
    empty.summary.notes = [];
    const output = writers[format](empty);
    if (format === 'junit') expect(parseXml(output).name).toBe('testsuites');
    else if (format === 'markdown' || format === 'html') expect(output).toContain('No findings.');
    else if (format === 'ndjson') for (const line of output.trimEnd().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
    else expect(() => JSON.parse(output)).not.toThrow();
  });
});

describe('json', () => {
  const report = JSON.parse(writers.json(runResult()));

  it('follows the contract: summary and findings with the documented fields', () => {
    expect(report.summary).toMatchObject({ runId: 'run-1', seed: 42, findings: 3 });
    expect(report.summary.target).toBe('http://[REDACTED]@127.0.0.1:8080');
    for (const f of report.findings) {
      expect(Object.keys(f).slice(0, 9)).toEqual(['check', 'severity', 'operation', 'title', 'message', 'request', 'response', 'curl', 'count']);
      expect(Object.keys(f.request)).toEqual(expect.arrayContaining(['method', 'url', 'headers']));
      expect(f.curl).toMatch(/^curl /);
    }
  });

  it('orders findings worst first', () => {
    expect(report.findings.map((f: { severity: string }) => f.severity)).toEqual(['critical', 'high', 'medium']);
  });

  it('keeps steps with their own curl lines, redacted', () => {
    const bola = report.findings[0];
    expect(bola.steps).toHaveLength(2);
    expect(bola.steps[1].curl).toContain("'authorization: Bearer [REDACTED]'");
    expect(bola.steps[0].response.body).toBe('{"refresh_token":"[REDACTED]"}');
  });

  it('matches the snapshot', () => {
    expect(writers.json(runResult())).toMatchSnapshot();
  });

  it('redacts the request of a finding', () => {
    const serverError = report.findings[1];
    expect(serverError.request.headers).toMatchObject({ authorization: 'Bearer [REDACTED]', 'x-api-key': '[REDACTED]' });
    expect(serverError.request.url).toBe('http://127.0.0.1:8080/pets?access_token=[REDACTED]&sig=[REDACTED]&limit=10');
    expect(serverError.response.headers['set-cookie']).toEqual(['sid=[REDACTED]; Path=/; HttpOnly']);
  });
});

describe('junit', () => {
  const xml = writers.junit(runResult());
  const root = parseXml(xml);

  it('is well-formed XML with a suite per operation and a case per check', () => {
    expect(root.name).toBe('testsuites');
    const suites = findAll(root, 'testsuite').map((s) => s.attributes.name);
    expect(suites).toEqual(['GET /health', 'GET /pets/{id}', 'POST /pets', 'sentinel run']);
    const petSuite = findAll(root, 'testsuite').find((s) => s.attributes.name === 'GET /pets/{id}')!;
    expect(petSuite.children.map((c) => c.attributes.name)).toEqual(['bola', 'response_schema_conformance', 'server_error']);
    expect(petSuite.attributes).toMatchObject({ tests: '3', failures: '2' });
  });

  it('counts tests, failures and transport errors', () => {
    expect(root.attributes).toMatchObject({ tests: '7', failures: '3', errors: '1', time: '2.500' });
  });

  it('puts the evidence in the failure body and escapes it', () => {
    const failure = findAll(root, 'failure').find((f) => f.attributes.type === 'high')!;
    expect(failure.attributes.message).toBe('[high] Server error 500');
    expect(failure.text).toContain('Reproduce: curl -g -X POST');
    expect(failure.text).toContain('Request: POST http://127.0.0.1:8080/pets');
    expect(failure.text).toContain('Response: 500');
    expect(failure.text).toContain("Rex's <pet> & friend");
    expect(failure.text).toContain('Seen 3 times.');
  });

  it('renders passing checks as passing test cases', () => {
    const health = findAll(root, 'testsuite').find((s) => s.attributes.name === 'GET /health')!;
    expect(health.children).toEqual([{ name: 'testcase', attributes: { classname: 'GET /health', name: 'server_error' }, children: [], text: '' }]);
  });

  it('matches the snapshot', () => {
    expect(xml).toMatchSnapshot();
  });

  it('survives hostile text in every field', () => {
    const hostile = finding({ operation: 'GET /a"<&>\'', title: ']]> \u0000 \uFFFF \uD800', message: '<!-- -->' });
    expect(() => parseXml(writers.junit(runResult([hostile])))).not.toThrow();
  });
});

describe('sarif', () => {
  const sarif = JSON.parse(writers.sarif(runResult()));
  const run = sarif.runs[0];

  it('has the required 2.1.0 structure', () => {
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toContain('sarif-2.1.0');
    expect(run.tool.driver.name).toBe('Sentinel');
    for (const rule of run.tool.driver.rules) {
      expect(rule.id).toMatch(/^[a-z_]+$/);
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(rule.help.text.length).toBeGreaterThan(0);
    }
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(['error', 'warning', 'note']).toContain(result.level);
      expect(result.message.text.length).toBeGreaterThan(0);
      expect(result.locations[0].logicalLocations[0].fullyQualifiedName).toMatch(/^[A-Z]+ \//);
      expect(result.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'examples/petstore.yaml', uriBaseId: '%SRCROOT%' });
      expect(result.partialFingerprints['sentinelFinding/v1']).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('marks security rules with a security-severity and known checks with how to fix', () => {
    const rules = Object.fromEntries(run.tool.driver.rules.map((r: { id: string }) => [r.id, r]));
    expect(rules.bola.properties['security-severity']).toBe('9.5');
    expect(rules.bola.properties.tags).toContain('security');
    expect(rules.server_error.properties['security-severity']).toBeUndefined();
    expect(rules.server_error.help.text).toContain('How to fix:');
  });

  it('matches the snapshot (results and rule ids; rule texts belong to each check)', () => {
    expect({ rules: run.tool.driver.rules.map((r: { id: string }) => r.id), results: run.results, artifacts: run.artifacts }).toMatchSnapshot();
  });

  it('maps severities to levels', () => {
    expect(run.results.map((r: { level: string }) => r.level)).toEqual(['error', 'error', 'warning']);
    expect(['critical', 'high', 'medium', 'low', 'info'].map((s) => sarifLevel(s as never))).toEqual(['error', 'error', 'warning', 'note', 'note']);
  });

  it('keeps fingerprints stable for the same defect and distinct for others', () => {
    const again = JSON.parse(writers.sarif(runResult([...defaultFindings()].reverse()))).runs[0].results;
    const byRule = (results: { ruleId: string; partialFingerprints: Record<string, string> }[]) =>
      Object.fromEntries(results.map((r) => [r.ruleId, r.partialFingerprints['sentinelFinding/v1']]));
    expect(byRule(again)).toEqual(byRule(run.results));
    expect(new Set(Object.values(byRule(run.results))).size).toBe(3);
  });

  it.each([
    ['<stdin>', undefined],
    ['-', undefined],
    ['/abs/my spec.yaml', { uri: 'file:///abs/my%20spec.yaml' }],
    ['./api.yaml', { uri: 'api.yaml', uriBaseId: '%SRCROOT%' }],
    ['https://h/spec.json?token=[REDACTED]', { uri: 'https://h/spec.json?token=[REDACTED]' }],
  ])('locates the spec %s', (spec, expected) => {
    expect(specArtifact(spec)).toEqual(expected);
  });
});

describe('markdown', () => {
  const md = writers.markdown(runResult());

  it('summarizes the run and lists findings worst first', () => {
    expect(md).toContain('| 3 | 40 | 2 | 55 | 1 | 3 |');
    expect(md.indexOf('[critical]')).toBeLessThan(md.indexOf('[high]'));
    expect(md).toContain('## Not tested');
    expect(md).toContain('```sh\ncurl -g');
  });

  it('matches the snapshot', () => {
    expect(md).toMatchSnapshot();
  });
});

describe('check catalog', () => {
  it('describes every registered check once, merging a name used by an exchange and a scenario check', async () => {
    const { checkCatalog } = await import('../../../src/report/check-catalog.js');
    const { createCheckRegistry } = await import('../../../src/execution/checks/registry.js');
    const registry = createCheckRegistry();
    const catalog = checkCatalog();
    const all = [...registry.exchangeChecks, ...registry.scenarioChecks];
    expect([...catalog.keys()].sort()).toEqual([...new Set(all.map((c) => c.id))].sort());
    for (const check of all) expect(catalog.get(check.id)!.description).toContain(check.description);
  });
});
