// `sentinel run` as a user runs it: the built CLI against a tiny server started here, checking exit
// codes, the one-line errors, the config file and the JSON report's contract.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentinel as runCli, spawnSentinel } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sentinel-run-e2e-'));

const SPEC = `
openapi: 3.0.3
info: { title: pets, version: '1' }
components:
  securitySchemes:
    bearer: { type: http, scheme: bearer }
paths:
  /pets:
    get:
      operationId: listPets
      tags: [pets]
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { type: array, items: { type: object, required: [id], properties: { id: { type: integer } } } }
  /owners:
    get:
      operationId: listOwners
      tags: [owners]
      security: [ { bearer: [] } ]
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: array } } } }
        '401': { description: no credentials }
  /slowish:
    get:
      operationId: slowish
      tags: [slowish]
      parameters:
        - { name: n, in: query, schema: { type: integer, minimum: 1, maximum: 5 } }
      responses: { '200': { description: ok }, '400': { description: bad } }
  /slow:
    get:
      operationId: slow
      tags: [slow]
      responses: { '200': { description: ok } }
`;

let server: Server;
let base: string;
// Port 1 on loopback: below the ephemeral range, so no test server on this machine can be given it
// while we count on it being closed (a port freed by a test server may be handed to another at once).
const closedPort = 1;
/** When true, GET /pets answers ids as strings: a response_schema_conformance defect. */
let defective = false;
const received: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  writeFileSync(join(dir, 'spec.yaml'), SPEC);
  server = createServer((req, res) => {
    received.push(req.headers);
    if (req.url === '/slow') return;
    if (req.url?.startsWith('/slowish')) {
      setTimeout(() => res.end(), 300);
      return;
    }
    if (req.url === '/owners') {
      const ok = req.headers.authorization === 'Bearer s3cret';
      res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
      res.end(ok ? '[]' : '{"error":"unauthorized"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify([{ id: defective ? 'one' : 1 }]));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

/** `sentinel run <args>` from the test's directory (or `cwd`). */
const sentinel = (args: string[], cwd = dir) => runCli(['run', ...args], { cwd });

const spec = () => join(dir, 'spec.yaml');

describe('sentinel run', () => {
  it('exits 0 on a clean API, and writes a JSON report with the summary', async () => {
    defective = false;
    const report = join(dir, 'clean.json');
    const run = await sentinel([spec(), '--base-url', base, '--include', 'tag:pets', '--agents', 'positive', '--seed', '3', '--report', `json=${report}`]);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('seed         3 (replay with --seed 3)');
    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(json.summary).toMatchObject({ target: base, seed: 3, operations: 1, findings: 0 });
    expect(json.findings).toEqual([]);
  });

  it('exits 1 with findings, reported in the contract shape, redacted; --fail-on above them exits 0', async () => {
    defective = true;
    const report = join(dir, 'defects.json');
    const args = [spec(), '--base-url', base, '--include', 'operationId:listPets', '--agents', 'positive', '--seed', '3', '--header', 'Authorization: Bearer s3cret', '--header', 'X-Tenant: acme'];
    const junit = join(dir, 'reports', 'junit.xml');
    const sarif = join(dir, 'reports', 'sentinel.sarif');
    const run = await sentinel([...args, '--report', `json=${report}`, '--report', `junit=${junit}`, '--report', `sarif=${sarif}`]);
    expect(run.code).toBe(1);
    expect(readFileSync(junit, 'utf8')).toMatch(/^<\?xml[\s\S]*<testsuite[\s\S]*response_schema_conformance/);
    expect(JSON.parse(readFileSync(sarif, 'utf8')).version).toBe('2.1.0');
    // Written through a temporary file and renamed: nothing half-written is left beside the reports.
    expect(readdirSync(join(dir, 'reports')).sort()).toEqual(['junit.xml', 'sentinel.sarif']);
    expect(run.stdout).toContain('response_schema_conformance');
    const json = JSON.parse(readFileSync(report, 'utf8'));
    const finding = json.findings.find((f: { check: string }) => f.check === 'response_schema_conformance');
    expect(finding).toMatchObject({
      severity: expect.stringMatching(/^(critical|high|medium|low|info)$/),
      operation: 'GET /pets',
      title: expect.any(String),
      request: { method: 'GET', url: `${base}/pets`, headers: expect.any(Object) },
      response: { status: 200, headers: expect.any(Object), body: '[{"id":"one"}]' },
      curl: expect.stringContaining(`curl -g ${base}/pets`),
    });
    expect(JSON.stringify(json)).not.toContain('s3cret');
    expect(received.at(-1)?.['x-tenant']).toBe('acme');
    expect(received.at(-1)?.['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
    const lenient = await sentinel([...args, '--fail-on', 'critical']);
    expect(lenient.code).toBe(0);
    defective = false;
  });

  it('sends --bearer to operations secured by a bearer scheme', async () => {
    const run = await sentinel([spec(), '--base-url', base, '--include', 'path:/owners', '--agents', 'positive', '--bearer', 's3cret']);
    expect(run.code).toBe(0);
    expect(received.at(-1)?.authorization).toBe('Bearer s3cret');
  });

  it('finishes against a target that never answers, says so, and exits 2 since nothing was tested', async () => {
    const run = await sentinel([spec(), '--base-url', base, '--include', 'path:/slow', '--agents', 'positive,negative', '--timeout', '300']);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/no response\s+\d+ \(refused, reset or timed out\)/);
    expect(run.stdout).toMatch(/requests got no response \(timeout ×\d+\)/);
    expect(run.stderr).toMatch(/^sentinel: no response from http:\/\/127\.0\.0\.1:\d+: all \d+ requests failed \(timeout\)\n$/m);
  });

  it('on Ctrl-C stops sending, still writes the summary and reports, and exits 2', async () => {
    const report = join(dir, 'interrupted.json');
    const child = spawnSentinel(['run', spec(), '--base-url', base, '--include', 'tag:slowish', '--concurrency', '1', '--report', `json=${report}`], { cwd: dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      // The plan is announced once the run starts: interrupt it then.
      if (/planned/.test(String(chunk))) setTimeout(() => child.kill('SIGINT'), 400);
    });
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    expect(code).toBe(2);
    expect(stderr).toMatch(/sentinel: interrupted: the summary and reports cover only what ran\n$/);
    expect(stdout).toMatch(/interrupted: \d+ cases and scenarios were not sent/);
    const json = JSON.parse(readFileSync(report, 'utf8'));
    expect(json.summary.requests).toBeLessThan(json.summary.cases);
  });

  it.each([
    ['a closed port', () => [spec(), '--base-url', `http://127.0.0.1:${closedPort}`], /^sentinel: cannot connect to http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED\n$/],
    ['a bad number', () => [spec(), '--base-url', base, '--concurrency', 'many'], /^sentinel: --concurrency "many": expected an integer ≥ 1\n$/],
    ['a bad filter', () => [spec(), '--base-url', base, '--include', 'pets'], /^sentinel: --include "pets": expected kind:pattern/],
    ['a filter matching nothing', () => [spec(), '--base-url', base, '--include', 'tag:nothing'], /^sentinel: no operation of .* matches --include\/--exclude\n$/],
    ['an unknown agent', () => [spec(), '--base-url', base, '--agents', 'positive,psychic'], /^sentinel: --agents: unknown agent "psychic" \(available: .*positive.*\)\n$/],
    ['a bad report flag', () => [spec(), '--base-url', base, '--report', 'pdf=x.pdf'], /^sentinel: --report "pdf=x.pdf": expected FORMAT=PATH/],
    ['no base URL', () => [spec()], /^sentinel: --base-url is required/],
    ['a missing spec', () => [join(dir, 'nope.yaml'), '--base-url', base], /^sentinel: .*nope\.yaml/],
  ])('exits 2 with one line on %s', async (_name, args, message) => {
    const run = await sentinel(args());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reads sentinel.config.yaml from the working directory; flags win over it', async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'sentinel-config-'));
    writeFileSync(
      join(configDir, 'sentinel.config.yaml'),
      `baseUrl: ${base}\nagents: [positive]\ninclude: ['tag:pets']\nseed: 11\nfailOn: critical\nheaders:\n  X-Tenant: from-config\nreport:\n  json: out/report.json\n`,
    );
    defective = true;
    const fromConfig = await sentinel([spec()], configDir);
    expect(fromConfig.code).toBe(0);
    const json = JSON.parse(readFileSync(join(configDir, 'out/report.json'), 'utf8'));
    expect(json.summary.seed).toBe(11);
    expect(json.findings.length).toBeGreaterThan(0);
    expect(received.at(-1)?.['x-tenant']).toBe('from-config');
    const flagsWin = await sentinel([spec(), '--fail-on', 'low', '--seed', '12'], configDir);
    expect(flagsWin.code).toBe(1);
    expect(flagsWin.stdout).toContain('--seed 12');
    defective = false;
  });

  it('rejects a config file with an unknown key, naming file and key', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, `baseUrl: ${base}\nconcurrency: 4\ntimout: 5\n`);
    const run = await sentinel([spec(), '--config', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`sentinel: ${file}: (top level): unknown key "timout"\n`);
  });
});
