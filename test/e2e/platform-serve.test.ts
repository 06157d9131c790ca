// End to end: `sentinel serve` (the built CLI) on a temporary data folder → log in → upload the example
// API's description → run against the example API → follow the events → the stored findings equal
// those of `sentinel run` with the same seed → JUnit report → stop (SIGTERM) and start again → all there.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript module (JSDoc-typed), no declaration file.
import { startExampleApi } from '../../examples/shop-api/app.mjs';
// @ts-expect-error: plain JavaScript module (JSDoc-typed), no declaration file.
import { ALICE_TOKEN, BOB_TOKEN } from '../../examples/shop-api/identities.mjs';
import { buildCliBeforeAll, CLI, ROOT } from '../support/cli.js';

const SPEC = resolve(ROOT, 'examples/shop-api/openapi.yaml');
const PASSWORD = 'e2e-admin-password';

interface Server {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Starts `sentinel serve --port 0` and resolves with the URL it prints. */
function serve(dataDir: string): Promise<Server> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data-dir', dataDir], {
    cwd: ROOT,
    env: { ...process.env, SENTINEL_ADMIN_PASSWORD: PASSWORD, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  child.stdout!.on('data', (chunk) => (text += chunk));
  child.stderr!.on('data', (chunk) => (text += chunk));
  return new Promise((done, fail) => {
    const timer = setInterval(() => {
      const match = /listening on (http:\/\/\S+)/.exec(text);
      if (match) {
        clearInterval(timer);
        done({ child, url: match[1]!, output: () => text });
      }
    }, 100);
    child.on('close', (code) => {
      clearInterval(timer);
      fail(new Error(`sentinel serve exited ${code}: ${text}`));
    });
  });
}

function stop(server: Server): Promise<number | null> {
  return new Promise((done) => {
    if (server.child.exitCode !== null) return done(server.child.exitCode);
    server.child.once('close', (code) => done(code));
    server.child.kill('SIGTERM');
  });
}

async function api(base: string, method: string, path: string, token?: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, text, json: text.startsWith('{') ? JSON.parse(text) : undefined, headers: response.headers };
}

/** Reads a server-sent event stream to its end: `[{id, event, data}]`. */
async function readEvents(base: string, path: string, token: string, lastEventId?: number) {
  const response = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}`, ...(lastEventId !== undefined ? { 'last-event-id': String(lastEventId) } : {}) } });
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((block) => block.includes('data: '))
    .map((block) => {
      const field = (name: string) => block.split('\n').find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
      return { id: Number(field('id')), event: field('event')!, data: JSON.parse(field('data')!) };
    });
}

async function allFindings(base: string, runId: string, token: string) {
  const items: { check: string; operation: string; cause: string; fingerprint: string; request: { headers: Record<string, string> } }[] = [];
  for (let page = 1; ; page++) {
    const answer = await api(base, 'GET', `/api/v1/test-runs/${runId}/findings?limit=200&page=${page}`, token);
    expect(answer.status).toBe(200);
    items.push(...answer.json.items);
    if (items.length >= answer.json.total) return items;
  }
}

const key = (finding: { check: string; operation: string; cause: string }) => `${finding.check} ${finding.operation} ${finding.cause}`;

describe('sentinel serve, end to end', () => {
  buildCliBeforeAll();
  const dataDir = mkdtempSync(join(tmpdir(), 'sentinel-serve-e2e-'));
  let server: Server | undefined;

  afterAll(async () => {
    if (server) await stop(server);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves, runs, streams, stores, reports, and keeps everything across a restart', async () => {
    server = await serve(dataDir);
    const base = server.url;
    const login = await api(base, 'POST', '/api/v1/auth/login', undefined, { username: 'admin', password: PASSWORD });
    expect(login.status).toBe(200);
    const token: string = login.json.accessToken;

    const spec = await api(base, 'POST', '/api/v1/specifications', token, { name: 'shop', content: readFileSync(SPEC, 'utf8') });
    expect(spec.status, spec.text).toBe(201);
    expect(spec.json).toMatchObject({ name: 'shop', version: 1, operationCount: 25 });

    const target: { url: string; close: () => Promise<void> } = await startExampleApi({ defects: true });
    let runId: string;
    try {
      const started = await api(base, 'POST', '/api/v1/test-runs', token, {
        specificationId: spec.json.id,
        baseUrl: target.url,
        seed: 7,
        headers: { Authorization: `Bearer ${ALICE_TOKEN}` },
        identities: [{ name: 'bob', role: 'user', headers: { Authorization: `Bearer ${BOB_TOKEN}` } }],
      });
      expect(started.status, started.text).toBe(202);
      expect(started.json.status).toBe('queued');
      runId = started.json.id;

      const events = await readEvents(base, `/api/v1/test-runs/${runId}/events`, token);
      expect(events[0]!.event).toBe('run.started');
      expect(events.at(-1)!.event).toBe('run.finished');
      expect(events.map((event) => event.id)).toEqual(events.map((_, index) => index + 1));
      expect(events.some((event) => event.event === 'finding')).toBe(true);
      // Resuming after event 3 replays only what came after it.
      const resumed = await readEvents(base, `/api/v1/test-runs/${runId}/events`, token, 3);
      expect(resumed[0]!.id).toBe(4);
      expect(resumed.length).toBe(events.length - 3);
      // The run's credentials appear nowhere in what was streamed.
      const streamed = JSON.stringify(events);
      expect(streamed).not.toContain(ALICE_TOKEN);
      expect(streamed).not.toContain(BOB_TOKEN);
    } finally {
      await target.close();
    }

    const run = await api(base, 'GET', `/api/v1/test-runs/${runId}`, token);
    expect(run.json.status).toBe('completed');
    expect(run.text).not.toContain(ALICE_TOKEN);
    const stored = await allFindings(base, runId, token);
    expect(stored.length).toBeGreaterThan(10);
    expect(JSON.stringify(stored)).not.toContain(ALICE_TOKEN);

    // The same run by the command, against a fresh example API, with the same seed.
    const cliTarget: { url: string; close: () => Promise<void> } = await startExampleApi({ defects: true });
    const reportDir = mkdtempSync(join(tmpdir(), 'sentinel-serve-cli-'));
    try {
      const reportPath = join(reportDir, 'report.json');
      await new Promise<void>((done) => {
        execFile(
          process.execPath,
          [CLI, 'run', SPEC, '--base-url', cliTarget.url, '--seed', '7', '--header', `Authorization: Bearer ${ALICE_TOKEN}`, '--identity', `bob:Authorization: Bearer ${BOB_TOKEN}`, '--report', `json=${reportPath}`],
          { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
          () => done(),
        );
      });
      const report = JSON.parse(readFileSync(reportPath, 'utf8')) as { findings: { check: string; operation: string; cause: string }[] };
      expect(stored.map(key).sort()).toEqual(report.findings.map(key).sort());
    } finally {
      await cliTarget.close();
      rmSync(reportDir, { recursive: true, force: true });
    }

    const junit = await api(base, 'GET', `/api/v1/test-runs/${runId}/report?format=junit`, token);
    expect(junit.status).toBe(200);
    expect(junit.headers.get('content-type')).toMatch(/xml/);
    expect(junit.text).toMatch(/^<\?xml/);
    expect(junit.text).toContain('<testsuites');

    expect(await stop(server)).toBe(0);
    server = await serve(dataDir);
    const again = await api(server.url, 'POST', '/api/v1/auth/login', undefined, { username: 'admin', password: PASSWORD });
    expect(again.status).toBe(200);
    const token2: string = again.json.accessToken;
    expect((await api(server.url, 'GET', `/api/v1/specifications/${spec.json.id}`, token2)).json.operations).toHaveLength(25);
    expect((await api(server.url, 'GET', `/api/v1/test-runs/${runId}`, token2)).json.status).toBe('completed');
    expect((await allFindings(server.url, runId, token2)).map(key).sort()).toEqual(stored.map(key).sort());
    const replayed = await readEvents(server.url, `/api/v1/test-runs/${runId}/events`, token2);
    expect(replayed.at(-1)!.event).toBe('run.finished');
  }, 400_000);
});
