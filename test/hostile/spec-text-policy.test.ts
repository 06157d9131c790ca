// For the platform: a description given as text (uploaded) is treated like a remote one: no `$ref` to
// local files, and every URL it names passes the caller's outbound policy (redirects included). The
// CLI's user keeps reading local references.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/spec/load.js';
import { loopbackServer, openapi, scratchDir, type LoopbackServer } from './spec-harness.js';

const scratch = scratchDir();
const schemaFile = scratch.write('pet.json', JSON.stringify({ type: 'object', properties: { name: { type: 'string' } } }));

let server: LoopbackServer;
beforeAll(async () => {
  server = await loopbackServer((request, response) => {
    if (request.url === '/moved') {
      response.statusCode = 302;
      response.setHeader('location', '/internal/pet.json');
      response.end();
      return;
    }
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ type: 'object', properties: { name: { type: 'string' } } }));
  });
});
afterAll(() => server.close());

function referring(ref: string): string {
  return openapi({ '/pets': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: ref } } } } } } } });
}

const uploaded = { allowLocalRefs: false } as const;

describe('a description given as text', () => {
  it.each([
    ['an absolute file URL', () => 'file:///etc/passwd'],
    ['a relative path', () => './pet.json'],
    ['an absolute path', () => schemaFile],
  ])('refuses a $ref to %s', async (_name, ref) => {
    await expect(loadSpec('-', { ...uploaded, stdin: referring(ref()) })).rejects.toThrow(/^<stdin>:1: .*\$ref to a local file from this description \(local files are not allowed for it\) refused/);
  });

  it('passes every URL, redirects included, to checkUrl; a refusal is one line with the reason', async () => {
    const seen: string[] = [];
    const checkUrl = (url: string) => {
      seen.push(url);
      if (new URL(url).pathname.startsWith('/internal/')) throw new Error('internal addresses are not allowed');
    };
    await expect(loadSpec('-', { ...uploaded, checkUrl, stdin: referring(`${server.url}/moved`) })).rejects.toThrow(
      `${server.url}/moved: URL refused by the outbound policy: ${server.url}/internal/pet.json (internal addresses are not allowed)`,
    );
    expect(seen).toEqual([`${server.url}/moved`, `${server.url}/internal/pet.json`]);
  });

  it('loads a URL $ref the policy allows', async () => {
    const model = await loadSpec('-', { ...uploaded, checkUrl: () => undefined, stdin: referring(`${server.url}/pet.json`) });
    expect(model.operations[0]!.responses[0]!.content[0]!.schema).toMatchObject({ properties: { name: { type: 'string' } } });
  });

  it('checks the description URL itself', async () => {
    await expect(loadSpec(`${server.url}/api.json`, { checkUrl: () => { throw new Error('no'); } })).rejects.toThrow(/URL refused by the outbound policy: .*\/api\.json \(no\)/);
  });

  it('the CLI default still reads local references', async () => {
    const model = await loadSpec(scratch.write('root.json', referring('./pet.json')));
    expect(model.operations).toHaveLength(1);
  });
});
