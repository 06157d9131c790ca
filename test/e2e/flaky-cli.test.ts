// A finding that does not reproduce when its request is sent again is flaky: reported with both outcomes,
// it fails the run only with --fail-on-flaky. The target answers 500 to the first request of each run
// and 200 afterwards; a second operation fails every time and stays a plain finding.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { buildCliBeforeAll, sentinel } from '../support/cli.js';
import { startHttpServer, type TestServer } from '../support/http-server.js';

const SPEC = `
openapi: 3.0.3
info: { title: flaky, version: '1' }
paths:
  /once:
    get:
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: object } } } }
  /always:
    get:
      responses:
        '200': { description: ok, content: { application/json: { schema: { type: object } } } }
`;

const dir = mkdtempSync(join(tmpdir(), 'sentinel-flaky-'));
const specPath = join(dir, 'openapi.yaml');
writeFileSync(specPath, SPEC);
let server: TestServer;
let onceAnswered = false;

buildCliBeforeAll();
beforeEach(async () => {
  await server?.close();
  onceAnswered = false;
  server = await startHttpServer((request, response) => {
    const fail = request.url === '/always' || (request.url === '/once' && !onceAnswered);
    if (request.url === '/once') onceAnswered = true;
    response.writeHead(fail ? 500 : 200, { 'content-type': 'application/json' }).end(fail ? '{"error":"boom"}' : '{}');
  });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Report {
  summary: { flaky?: number };
  findings: { check: string; operation: string; flaky?: { original: { status: number; verdict: string }; retry: { status: number; verdict: string } } }[];
}

async function run(extra: string[]): Promise<{ code: number | null; report: Report; stdout: string }> {
  const path = join(dir, `report-${extra.length}.json`);
  const { code, stdout, stderr } = await sentinel(['run', specPath, '--base-url', server.url, '--agents', 'positive', '--max-examples', '1', '--seed', '1', '--report', `json=${path}`, ...extra]);
  expect(stderr).not.toMatch(/error:/i);
  return { code, report: JSON.parse(readFileSync(path, 'utf8')), stdout };
}

describe('flaky findings', () => {
  it('are marked flaky with both outcomes and do not fail the run by themselves', async () => {
    const { code, report, stdout } = await run(['--include', 'path:/once']);
    expect(code).toBe(0);
    expect(report.findings).toHaveLength(1);
    const [finding] = report.findings;
    expect(finding!.check).toBe('server_error');
    expect(finding!.flaky?.original).toMatchObject({ status: 500, verdict: expect.stringMatching(/^server_error failed/) });
    expect(finding!.flaky?.retry).toMatchObject({ status: 200, verdict: 'server_error passed' });
    expect(report.summary.flaky).toBe(1);
    expect(stdout).toMatch(/server_error GET \/once: .*\[flaky\]/);
  }, 60_000);

  it('fail the run with --fail-on-flaky', async () => {
    const { code } = await run(['--include', 'path:/once', '--fail-on-flaky']);
    expect(code).toBe(1);
  }, 60_000);

  it('a finding that reproduces is not flaky and fails the run', async () => {
    const { code, report } = await run([]);
    expect(code).toBe(1);
    const always = report.findings.find((f) => f.operation === 'GET /always')!;
    expect(always.flaky).toBeUndefined();
    expect(report.findings.find((f) => f.operation === 'GET /once')!.flaky).toBeDefined();
  }, 60_000);
});
