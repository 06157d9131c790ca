// Every report format from the built CLI against a small defective server that echoes credentials back:
// each file is well-formed, carries the findings, and no credential survives in any of them.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentinel } from '../support/cli.js';
import { findAll, parseXml } from '../unit/report/xml-parser.js';

const dir = mkdtempSync(join(tmpdir(), 'sentinel-report-e2e-'));
const BEARER = 'brr-e2e-token-0123456789';
const API_KEY = 'sig-e2e-value-9876543210';

const SPEC = `
openapi: 3.1.0
info: { title: echo, version: '1' }
components:
  securitySchemes:
    bearer: { type: http, scheme: bearer }
    signed: { type: apiKey, in: query, name: sig }
paths:
  /pets:
    get:
      operationId: listPets
      security: [ { bearer: [] } ]
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: array } } } }
  /items/{id}:
    get:
      operationId: getItem
      security: [ { signed: [] } ]
      parameters:
        - { name: id, in: path, required: true, schema: { type: integer, minimum: 1 } }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { type: object, required: [id], properties: { id: { type: integer } } }
`;

let server: Server;
let base: string;

beforeAll(async () => {
  writeFileSync(join(dir, 'spec.yaml'), SPEC);
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/pets') {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(`crashed while checking ${req.headers.authorization ?? 'nothing'}`);
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: 'not-a-number', seen: url.searchParams.get('sig') }));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

function runSentinel(): Promise<{ code: number; stderr: string }> {
  const args = ['run', join(dir, 'spec.yaml'), '--base-url', base, '--agents', 'positive', '--seed', '5', '--bearer', BEARER, '--api-key', API_KEY];
  for (const format of ['json', 'junit', 'sarif', 'markdown']) args.push('--report', `${format}=${join(dir, `report.${format}`)}`);
  return sentinel(args, { cwd: dir }).then(({ code, stderr }) => ({ code: code ?? -1, stderr }));
}

describe('reports from sentinel run', () => {
  let files: Record<string, string>;

  beforeAll(async () => {
    const run = await runSentinel();
    expect(run.code, run.stderr).toBe(1);
    files = Object.fromEntries(['json', 'junit', 'sarif', 'markdown'].map((f) => [f, readFileSync(join(dir, `report.${f}`), 'utf8')]));
  }, 60_000);

  it.each(['json', 'junit', 'sarif', 'markdown'])('%s: no credential survives', (format) => {
    expect(files[format]).not.toContain(BEARER);
    expect(files[format]).not.toContain(API_KEY);
    expect(files[format]).toContain('[REDACTED]');
  });

  it('json: the findings of both defects with their reproduction', () => {
    const report = JSON.parse(files.json!);
    const byCheck = Object.fromEntries(report.findings.map((f: { check: string; operation: string }) => [f.check, f.operation]));
    expect(byCheck).toMatchObject({ server_error: 'GET /pets', response_schema_conformance: 'GET /items/{id}' });
    const schema = report.findings.find((f: { check: string }) => f.check === 'response_schema_conformance');
    expect(schema.request.url).toContain('sig=[REDACTED]');
    expect(schema.curl).toMatch(/^curl -g '?http:\/\/127\.0\.0\.1:\d+\/items\/\d+\?sig=\[REDACTED\]/);
  });

  it('junit: well-formed, a suite per operation, failures for the defects', () => {
    const root = parseXml(files.junit!);
    expect(findAll(root, 'testsuite').map((s) => s.attributes.name)).toEqual(['GET /items/{id}', 'GET /pets']);
    const failed = findAll(root, 'testcase').filter((c) => c.children.some((child) => child.name === 'failure'));
    expect(failed.map((c) => `${c.attributes.classname} ${c.attributes.name}`)).toEqual([
      'GET /items/{id} response_schema_conformance',
      'GET /pets server_error',
    ]);
    expect(findAll(root, 'testcase').length).toBeGreaterThan(failed.length);
  });

  it('sarif: rules and results that point at the description', () => {
    const sarif = JSON.parse(files.sarif!);
    const results = sarif.runs[0].results;
    expect(results.map((r: { ruleId: string }) => r.ruleId).sort()).toEqual(['response_schema_conformance', 'server_error']);
    for (const r of results) {
      expect(r.locations[0].physicalLocation.artifactLocation.uri).toMatch(/spec\.yaml$/);
      expect(sarif.runs[0].tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    }
  });

  it('markdown: a table row per finding', () => {
    expect(files.markdown).toMatch(/\| high \| `server_error` \| `GET \/pets` \|/);
    expect(files.markdown).toMatch(/\| medium \| `response_schema_conformance` \| `GET \/items\/\{id\}` \|/);
  });
});
