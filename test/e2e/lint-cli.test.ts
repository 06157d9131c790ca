// Starts the built CLI: `sentinel lint` on fixtures and the classic Petstore, every format and exit code.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliBeforeAll, ROOT, sentinel } from '../support/cli.js';

const PETSTORE = 'node_modules/@readme/oas-examples/3.0/json/petstore.json';
const SHOP = 'test/fixtures/lint/shop.json';
const TIDY = 'test/fixtures/lint/tidy.yaml';

buildCliBeforeAll();

describe('sentinel lint', () => {
  it('prints a grouped text report with the score and exits 1 on error findings (Petstore)', async () => {
    const run = await sentinel(['lint', PETSTORE]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^ERROR owasp-http-server \(owasp, API8:2023 Security Misconfiguration\): 1 finding$/m);
    expect(run.stdout).toMatch(/\nReadiness score: \d{1,3}\/100 \(\d+ errors, \d+ warnings, \d+ info\)\n$/);
  });

  it('writes every finding, the score and counts as JSON', async () => {
    const run = await sentinel(['lint', SHOP, '--format', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.source).toBe(SHOP);
    expect(report.operations).toBe(3);
    expect(report.score).toBeGreaterThanOrEqual(0);
    expect(report.score).toBeLessThan(50);
    expect(report.counts.total).toBe(report.findings.length);
    const rules = new Set(report.findings.map((finding: { rule: string }) => finding.rule));
    for (const rule of ['owasp-api-key-in-query', 'owasp-http-server', 'owasp-write-without-security', 'owasp-sequential-id-path', 'owasp-additional-properties-open',
      'owasp-url-property-unrestricted', 'path-parameter-undeclared', 'enum-without-type', 'content-type-ambiguous', 'response-success-missing', 'operation-id-missing']) {
      expect(rules).toContain(rule);
    }
    const apiKey = report.findings.find((finding: { rule: string }) => finding.rule === 'owasp-api-key-in-query');
    expect(apiKey).toMatchObject({ set: 'owasp', severity: 'error', pointer: '/components/securitySchemes/key', line: 7, owasp: 'API2:2023 Broken Authentication' });
    expect(apiKey.fix).toContain('header');
  });

  it('writes a SARIF 2.1.0 log naming the spec file and JSON pointers', async () => {
    const run = await sentinel(['lint', PETSTORE, '--format', 'sarif']);
    expect(run.code).toBe(1);
    const log = JSON.parse(run.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toContain('sarif-2.1.0');
    const [sarifRun] = log.runs;
    const ruleIds = sarifRun.tool.driver.rules.map((rule: { id: string }) => rule.id);
    expect(ruleIds.length).toBeGreaterThanOrEqual(25);
    for (const rule of sarifRun.tool.driver.rules) expect(rule.help.text).not.toBe('');
    expect(sarifRun.artifacts[0].location.uri).toBe(PETSTORE);
    expect(sarifRun.results.length).toBeGreaterThan(10);
    for (const result of sarifRun.results) {
      expect(ruleIds).toContain(result.ruleId);
      expect(['error', 'warning', 'note']).toContain(result.level);
      expect(result.message.text).not.toBe('');
      expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe(PETSTORE);
      expect(result.locations[0].logicalLocations[0].fullyQualifiedName).toMatch(/^\//);
      expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
    }
  });

  it('exits 0 when nothing reaches --fail-on (default error) and 1 with --fail-on warn', async () => {
    const relaxed = await sentinel(['lint', TIDY]);
    expect(relaxed.code).toBe(0);
    expect(relaxed.stdout).toContain('owasp-429-missing');
    expect(relaxed.stdout).toContain('(0 errors, 1 warning, 0 info)');
    expect(relaxed.stdout).toContain('/paths/~1notes/post/responses (line 58)  POST /notes documents no 429 response.');
    const strict = await sentinel(['lint', TIDY, '--fail-on', 'warn', '--format', 'json']);
    expect(strict.code).toBe(1);
    expect(JSON.parse(strict.stdout).counts).toEqual({ error: 0, warn: 1, info: 0, total: 1 });
  });

  it('reads the description from stdin with -', async () => {
    const run = await sentinel(['lint', '-', '--format', 'json'], { stdin: readFileSync(resolve(ROOT, TIDY), 'utf8') });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ source: '-', operations: 2 });
  });

  describe('from a URL', () => {
    let server: Server;
    let url = '';
    beforeAll(async () => {
      server = createServer((_request, response) => response.end(readFileSync(resolve(ROOT, TIDY))));
      await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/openapi.yaml`;
    });
    afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

    it('lints the fetched description and names the URL as the SARIF artifact', async () => {
      const run = await sentinel(['lint', url, '--format', 'sarif']);
      expect(run.code).toBe(0);
      const [sarifRun] = JSON.parse(run.stdout).runs;
      expect(sarifRun.artifacts[0].location.uri).toBe(url);
      expect(sarifRun.results.map((result: { ruleId: string }) => result.ruleId)).toEqual(['owasp-429-missing']);
    });
  });

  it.each([
    { name: 'a truncated description', args: ['lint', 'test/fixtures/lint/broken.json'], line: /^sentinel: test\/fixtures\/lint\/broken\.json.*: .+$/ },
    { name: 'a missing file', args: ['lint', 'test/fixtures/lint/missing.yaml'], line: /^sentinel: test\/fixtures\/lint\/missing\.yaml: .+$/ },
    { name: 'an unknown --format', args: ['lint', TIDY, '--format', 'xml'], line: /^sentinel: lint: --format must be one of text, json, sarif \(got "xml"\)$/ },
    { name: 'an unknown --fail-on', args: ['lint', TIDY, '--fail-on', 'info'], line: /^sentinel: lint: --fail-on must be one of error, warn \(got "info"\)$/ },
  ])('exits 2 with one line for $name', async ({ args, line }) => {
    const run = await sentinel(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(line);
  });
});
