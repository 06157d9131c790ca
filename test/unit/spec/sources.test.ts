// Loading from http(s) URLs (redirects, limits, timeouts, remote $refs) and from stdin, against a
// server on 127.0.0.1 started here.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpecError } from '../../../src/core/errors.js';
import { loadSpec } from '../../../src/spec/load.js';

const PETSTORE = readFileSync('test/fixtures/specs/valid/openapi-30.yaml', 'utf8');
const WITH_REMOTE_REF = `openapi: 3.0.3
info: {title: remote, version: "1"}
servers: [{url: /api}]
paths:
  /pets:
    get:
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "schemas/pet.yaml#/Pet"}
`;
const WITH_LOCAL_FILE_REF = `openapi: 3.0.3
info: {title: sneaky, version: "1"}
paths:
  /x:
    get:
      responses:
        "200": {$ref: "file:///etc/hostname#/x"}
`;

let server: Server;
let base: string;
const openSockets = new Set<import('node:net').Socket>();

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = request.url ?? '/';
    const routes: Record<string, () => void> = {
      '/spec.yaml': () => response.end(PETSTORE),
      '/redirect': () => response.writeHead(302, { location: '/spec.yaml' }).end(),
      '/loop': () => response.writeHead(302, { location: '/loop' }).end(),
      '/missing': () => response.writeHead(404).end('no'),
      '/slow': () => undefined, // never answers
      '/declared-big': () => response.writeHead(200, { 'content-length': '5000' }).end('x'.repeat(5000)),
      '/streamed-big': () => {
        response.writeHead(200);
        for (let i = 0; i < 10; i++) response.write('y'.repeat(1000));
        response.end();
      },
      '/remote/root.yaml': () => response.end(WITH_REMOTE_REF),
      '/remote/schemas/pet.yaml': () => response.end('Pet: {type: object, properties: {name: {type: string, nullable: true}}}\n'),
      '/sneaky.yaml': () => response.end(WITH_LOCAL_FILE_REF),
    };
    (routes[url] ?? (() => response.writeHead(404).end()))();
  });
  server.on('connection', (socket) => {
    openSockets.add(socket);
    socket.on('close', () => openSockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const socket of openSockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function refusal(source: string, options?: Parameters<typeof loadSpec>[1]): Promise<string> {
  const error = await loadSpec(source, options).then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(SpecError);
  return (error as SpecError).message;
}

describe('URL sources', () => {
  it('loads a description over http, named by its URL', async () => {
    const model = await loadSpec(`${base}/spec.yaml`);
    expect(model.source).toBe(`${base}/spec.yaml`);
    expect(model.operations.map((operation) => operation.key)).toContain('GET /pets/{petId}');
  });

  it('follows a redirect and names the final URL', async () => {
    const model = await loadSpec(`${base}/redirect`);
    expect(model.source).toBe(`${base}/spec.yaml`);
  });

  it('resolves relative $refs and relative servers against the URL', async () => {
    const model = await loadSpec(`${base}/remote/root.yaml`);
    expect(model.servers).toEqual([{ url: `${base}/api` }]);
    expect(model.operations[0]!.responses[0]!.content[0]!.schema).toEqual({
      type: 'object',
      properties: { name: { type: ['string', 'null'] } },
    });
  });

  const refusals: { name: string; path: string; options?: Parameters<typeof loadSpec>[1]; expected: RegExp }[] = [
    { name: 'redirect loop', path: '/loop', expected: /\/loop: cannot fetch URL: more than 5 redirects$/ },
    { name: 'HTTP error', path: '/missing', expected: /\/missing: cannot fetch URL: HTTP 404$/ },
    { name: 'no answer', path: '/slow', options: { timeoutMs: 300 }, expected: /\/slow: cannot fetch URL: no answer within 300 ms$/ },
    { name: 'declared size over the limit', path: '/declared-big', options: { maxBytes: 1000 }, expected: /\/declared-big: document too large: 5000 bytes, the limit is 1000 bytes$/ },
    { name: 'streamed size over the limit', path: '/streamed-big', options: { maxBytes: 2500 }, expected: /\/streamed-big: document too large: over \d+ bytes, the limit is 2500 bytes$/ },
    { name: 'remote description reading a local file', path: '/sneaky.yaml', expected: /sneaky\.yaml:7: \/paths\/~1x\/get\/responses\/200: \$ref to a local file from a remote description refused/ },
  ];
  it.each(refusals)('refuses: $name', async ({ path, options, expected }) => {
    expect(await refusal(`${base}${path}`, options)).toMatch(expected);
  });

  it('names an unreachable URL (a closed loopback port)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await refusal(`http://127.0.0.1:${port}/openapi.json`)).toBe(`http://127.0.0.1:${port}/openapi.json: cannot fetch URL: connection refused`);
  });
});

describe('stdin', () => {
  it('loads the text given for "-" as <stdin>, resolving refs from the working directory', async () => {
    const model = await loadSpec('-', { stdin: PETSTORE });
    expect(model.source).toBe('<stdin>');
    expect(model.operations).toHaveLength(3);
  });
});
