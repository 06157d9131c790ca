// Local files must not leak into traffic: `enum: [{$ref: 'file:///...'}]` used to send the file to the
// target and `mock` printed it. A `$ref` to another document inside a value is refused with one line,
// before anything is sent; a `$ref` to a file that is not a JSON/YAML document is refused too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliBeforeAll, expectOneLineError, loopbackServer, openapi, scratchDir, sentinel, type LoopbackServer } from './spec-harness.js';

buildCliBeforeAll();
const scratch = scratchDir();
const SECRET = 'root:x:0:0:secret-line-that-must-not-leak:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin:/usr/sbin/nologin\n';
const secretFile = scratch.write('passwd', SECRET);

let server: LoopbackServer;
let received = '';
beforeAll(async () => {
  server = await loopbackServer((request, response) => {
    request.on('data', (chunk: Buffer) => (received += chunk.toString()));
    request.on('end', () => response.end('{}'));
    received += request.url ?? '';
  });
});
afterAll(() => server.close());

function withValue(keyword: string, value: unknown): string {
  return openapi({
    '/items': {
      post: {
        operationId: 'addItem',
        requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['name'], properties: { name: { type: 'string', [keyword]: value } } } } } },
        responses: { '200': { description: 'ok' } },
      },
    },
  });
}

const url = `file://${secretFile}`;
const cases = [
  { keyword: 'enum', value: [{ $ref: url }], what: 'an enum' },
  { keyword: 'default', value: { $ref: url }, what: 'a default' },
  { keyword: 'const', value: { $ref: url }, what: 'a const' },
  { keyword: 'example', value: { nested: [{ $ref: url }] }, what: 'an example' },
];

describe('$ref inside values', () => {
  it.each(cases)('$keyword: lint, run and mock refuse it with one line; nothing reaches the target', async ({ keyword, value, what }) => {
    const spec = scratch.write(`${keyword}.json`, withValue(keyword, value));
    const line = new RegExp(`^sentinel: .*${keyword}\\.json:1: /paths/~1items/post/requestBody/content/application~1json/schema/properties/name/${keyword}.*: \\$ref inside ${what} value refused: "file://.*passwd"`);
    for (const args of [['lint', spec], ['run', spec, '--base-url', server.url, '--agents', 'positive'], ['mock', spec, 'addItem']]) {
      const run = await sentinel(args, { timeoutMs: 45_000 });
      expectOneLineError(run, line);
      expect(run.stdout + run.stderr).not.toContain('secret-line');
    }
    expect(server.requests).toBe(0);
    expect(received).not.toContain('secret-line');
  }, 150_000);

  it('a schema $ref to a text file is refused: referenced files must be JSON or YAML documents', async () => {
    const spec = scratch.write('text-ref.json', openapi({ '/a': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: './passwd' } } } } } } } }));
    const run = await sentinel(['mock', spec, 'GET /a'], { timeoutMs: 45_000 });
    expectOneLineError(run, /^sentinel: .*text-ref\.json:1: .*: \$ref target .*passwd is not a JSON or YAML document \(it reads as a single string\): "\.\/passwd"$/);
    expect(run.stderr).not.toContain('secret-line');
  }, 60_000);

  it('a $ref inside a value to the same document is data, kept as written and not resolved', async () => {
    const spec = scratch.write('internal.json', openapi({
      '/items': {
        post: {
          operationId: 'addItem',
          requestBody: { content: { 'application/json': { schema: { type: 'object', example: { $ref: '#/paths' } } } } },
          responses: { '200': { description: 'ok' } },
        },
      },
    }));
    const run = await sentinel(['mock', spec, 'addItem', '-n', '1', '--seed', '1'], { timeoutMs: 45_000 });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)[0].body).toEqual({ $ref: '#/paths' });
  }, 60_000);
});
