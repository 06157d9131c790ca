// A description URL served by a hostile server: an endless body, a redirect loop, a local-file `$ref`
// from a remote description. Each a clear line, in bounded time and memory (these already held).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliBeforeAll, expectOneLineError, loopbackServer, openapi, sentinel, type LoopbackServer } from './spec-harness.js';

buildCliBeforeAll();

let server: LoopbackServer;
beforeAll(async () => {
  server = await loopbackServer((request, response) => {
    if (request.url === '/endless.json') {
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (response.write(chunk)) {
          if (response.destroyed) return;
        }
      };
      response.on('drain', pump);
      response.write('{"openapi": "3.0.3", "x": "');
      pump();
    } else if (request.url?.startsWith('/loop')) {
      response.statusCode = 302;
      response.setHeader('location', `/loop${Number(request.url.slice(5) || 0) + 1}`);
      response.end();
    } else {
      response.end(openapi({ '/a': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: 'file:///etc/passwd' } } } } } } } }));
    }
  });
});
afterAll(() => server.close());

describe('hostile description URLs', () => {
  it('an endless body stops at the size limit', async () => {
    const run = await sentinel(['lint', `${server.url}/endless.json`], { timeoutMs: 30_000 });
    expectOneLineError(run, /^sentinel: .*endless\.json: document too large: over 32\.\d MB, the limit is 32\.0 MB$/);
    expect(run.peakMb).toBeLessThan(400);
  }, 60_000);

  it('a redirect loop stops after 5 redirects', async () => {
    const run = await sentinel(['lint', `${server.url}/loop`], { timeoutMs: 45_000 });
    expectOneLineError(run, /cannot fetch URL: more than 5 redirects$/);
  }, 60_000);

  it('a remote description may not read local files', async () => {
    const run = await sentinel(['lint', `${server.url}/api.json`], { timeoutMs: 45_000 });
    expectOneLineError(run, /\$ref to a local file from a remote description refused: "file:\/\/\/etc\/passwd"$/);
  }, 60_000);
});
