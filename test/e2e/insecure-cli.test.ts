// Starts the built CLI against an HTTPS API with a self-signed certificate (test/fixtures/tls): `run` and
// `perf` stop at once with one line naming --insecure, and test it when --insecure is given.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliBeforeAll, sentinel } from '../support/cli.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/tls/${name}`, import.meta.url));
const SPEC = {
  openapi: '3.1.0',
  info: { title: 'TLS', version: '1' },
  paths: {
    '/items': {
      get: {
        operationId: 'listItems',
        responses: { '200': { description: 'items', content: { 'application/json': { schema: { type: 'array', items: { type: 'integer' } } } } } },
      },
    },
  },
};

let server: Server;
let base: string;
let spec: string;

buildCliBeforeAll();
beforeAll(async () => {
  server = createServer({ key: fixture('self-signed.key'), cert: fixture('self-signed.crt') }, (request, response) => {
    response.setHeader('content-type', 'application/json');
    if (request.url === '/openapi.json') response.end(JSON.stringify(SPEC));
    else if (request.url === '/items' && (request.method === 'GET' || request.method === 'HEAD')) response.end('[1,2,3]');
    else {
      response.statusCode = request.url === '/items' ? 405 : 404;
      response.end('{"error":"no"}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  spec = join(mkdtempSync(join(tmpdir(), 'sentinel-tls-')), 'openapi.json');
  writeFileSync(spec, JSON.stringify(SPEC));
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('--insecure', { timeout: 120_000 }, () => {
  it('sentinel run refuses an untrusted certificate in one line, and tests the API with --insecure', async () => {
    const refused = await sentinel(['run', spec, '--base-url', base, '--agents', 'positive', '--max-examples', '3', '--seed', '1']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/cannot connect to https:\/\/127\.0\.0\.1:\d+: \w*(SELF_SIGNED|CERT)\w* \(the server's TLS certificate is not trusted; --insecure skips verification/);
    const tested = await sentinel(['run', spec, '--base-url', base, '--agents', 'positive', '--max-examples', '3', '--seed', '1', '--insecure']);
    expect(tested.stderr).not.toMatch(/cannot connect/);
    expect(tested.code).toBe(0);
    expect(tested.stdout).toMatch(/no response\s+0\n/);
    expect(tested.stdout).toMatch(/findings\s+0\n/);
    expect(tested.stdout).not.toMatch(/requests\s+0\n/);
  });

  it('sentinel lint and mock fetch a description over self-signed https only with --insecure', async () => {
    const url = `${base}/openapi.json`;
    const refused = await sentinel(['lint', url]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--insecure skips verification/);
    const linted = await sentinel(['lint', url, '--insecure', '--format', 'json']);
    expect(linted.stderr).toBe('');
    expect(JSON.parse(linted.stdout).operations).toBe(1);
    const mocked = await sentinel(['mock', url, 'listItems', '-n', '2', '--seed', '1', '--insecure']);
    expect(mocked.code).toBe(0);
    expect(JSON.parse(mocked.stdout)).toHaveLength(2);
  });

  it('sentinel perf refuses an untrusted certificate in one line, and loads the API (description fetched from it) with --insecure', async () => {
    const args = ['perf', `${base}/openapi.json`, '--base-url', base, '--duration', '1s', '--rate', '20/s', '--workers', '1', '--threshold', 'error_rate<1%'];
    const refused = await sentinel(args);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/openapi\.json: cannot fetch URL: \w*(SELF_SIGNED|CERT)\w* \(the server's TLS certificate is not trusted; --insecure skips/);
    const refusedTarget = await sentinel(['perf', spec, ...args.slice(2)]);
    expect(refusedTarget.code).toBe(2);
    expect(refusedTarget.stderr).toMatch(/not trusted; --insecure skips verification/);
    const loaded = await sentinel([...args, '--insecure']);
    expect(loaded.stderr).not.toMatch(/cannot connect/);
    expect(loaded.code).toBe(0);
    expect(loaded.stdout).toMatch(/GET \/items\s+20\s/);
    expect(loaded.stdout).toContain('result: passed');
  });
});
