import { describe, expect, it } from 'vitest';
import { artifactUriFor } from '../../../../src/cli/commands/lint.js';
import { LINT_FORMATTERS, type FormatOptions } from '../../../../src/spec/lint/format/index.js';
import { TEXT_LOCATIONS_PER_RULE } from '../../../../src/spec/lint/format/text.js';
import { LINT_RULES, type LintFinding, type LintResult } from '../../../../src/spec/lint/index.js';

const options: FormatOptions = { source: 'specs/api.yaml', artifactUri: 'specs/api.yaml', operationCount: 3, rules: LINT_RULES, toolVersion: '1.2.3' };

const owaspFinding: LintFinding = {
  rule: 'owasp-api-key-in-query', set: 'owasp', severity: 'error', pointer: '/components/securitySchemes/key',
  message: 'Security scheme "key" sends the API key in the query string.', fix: 'Send it in a header.', owasp: 'API2:2023 Broken Authentication',
};
const manyInfos: LintFinding[] = Array.from({ length: TEXT_LOCATIONS_PER_RULE + 3 }, (_, i) => ({
  rule: 'operation-description-missing', set: 'testability', severity: 'info', pointer: `/paths/~1p${i}/get`, message: `GET /p${i} has no description.`, fix: 'Add one.', operation: `GET /p${i}`,
}));
const result: LintResult = { findings: [...manyInfos, owaspFinding], score: 42 };

describe('text format', () => {
  const text = LINT_FORMATTERS.text(result, options);

  it('groups by rule, worst severity first, with the fix and the OWASP category', () => {
    expect(text.indexOf('owasp-api-key-in-query')).toBeLessThan(text.indexOf('operation-description-missing'));
    expect(text).toContain('ERROR owasp-api-key-in-query (owasp, API2:2023 Broken Authentication): 1 finding');
    expect(text).toContain('fix: Send it in a header.');
    expect(text).toContain('/components/securitySchemes/key  Security scheme "key"');
  });

  it('lists a bounded number of locations per rule and says how many more there are', () => {
    expect(text).toContain('/paths/~1p0/get');
    expect(text).not.toContain(`/paths/~1p${TEXT_LOCATIONS_PER_RULE}/get`);
    expect(text).toContain('... and 3 more');
  });

  it('ends with the score and the counts', () => {
    expect(text.trimEnd().split('\n').at(-1)).toBe(`Readiness score: 42/100 (1 error, 0 warnings, ${manyInfos.length} info)`);
  });

  it('says so when there is nothing to report', () => {
    expect(LINT_FORMATTERS.text({ findings: [], score: 100 }, options)).toContain('No findings.');
  });
});

describe('json format', () => {
  it('has every finding, the score and counts', () => {
    const report = JSON.parse(LINT_FORMATTERS.json(result, options));
    expect(report).toMatchObject({ source: 'specs/api.yaml', score: 42, operations: 3, counts: { error: 1, warn: 0, info: manyInfos.length, total: result.findings.length } });
    expect(report.findings).toEqual(result.findings);
  });
});

describe('sarif format', () => {
  const log = JSON.parse(LINT_FORMATTERS.sarif(result, options));
  const run = log.runs[0];

  it('is a SARIF 2.1.0 log with one run', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    expect(run.tool.driver).toMatchObject({ name: 'sentinel', version: '1.2.3' });
    expect(run.artifacts).toEqual([{ location: { uri: 'specs/api.yaml' } }]);
  });

  it('describes every rule with an id, descriptions, help and a default level', () => {
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(LINT_RULES.map((rule) => rule.id));
    for (const rule of run.tool.driver.rules) {
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(rule.help.text.length).toBeGreaterThan(0);
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
    }
  });

  it('locates each result by the spec file and the JSON pointer', () => {
    expect(run.results).toHaveLength(result.findings.length);
    const owasp = run.results.at(-1);
    expect(owasp).toMatchObject({
      ruleId: 'owasp-api-key-in-query',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'specs/api.yaml', index: 0 } }, logicalLocations: [{ fullyQualifiedName: '/components/securitySchemes/key' }] }],
      properties: { owasp: 'API2:2023 Broken Authentication' },
    });
    expect(owasp.message.text).toContain('sends the API key');
    for (const entry of run.results) expect(run.tool.driver.rules[entry.ruleIndex].id).toBe(entry.ruleId);
    expect(run.results[0].level).toBe('note');
  });
});

describe('artifactUriFor', () => {
  it.each([
    { source: 'specs/my api.json', expected: 'specs/my%20api.json' },
    { source: 'node_modules/@scope/a#b.json', expected: 'node_modules/@scope/a%23b.json' },
    { source: '/elsewhere/api.json', expected: 'file:///elsewhere/api.json' },
    { source: 'https://example.com/openapi.json', expected: 'https://example.com/openapi.json' },
    { source: '-', expected: 'stdin' },
  ])('$source → $expected', ({ source, expected }) => {
    expect(artifactUriFor(source, '/home/user/project')).toBe(expected);
  });
});
