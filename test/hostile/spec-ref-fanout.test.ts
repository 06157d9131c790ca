// Each schema referring twice to the next, 30 levels deep: 4 KB of text that unfolds to 2^30 nodes. It
// used to take lint to 4.9 GB and an out-of-memory crash, and run and mock hung. The unfolded size is
// measured without unfolding and the description refused with one line naming the limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/spec/load.js';
import { buildCliBeforeAll, expectOneLineError, loopbackServer, openapi, scratchDir, sentinel, type LoopbackServer } from './spec-harness.js';

buildCliBeforeAll();
const scratch = scratchDir();

/** `levels` schemas, each with two properties referring to the next; the body and the answer use the first. */
function fanOut(levels: number): string {
  const schemas: Record<string, unknown> = {};
  for (let i = 0; i < levels; i++) {
    const next = { $ref: `#/components/schemas/S${i + 1}` };
    schemas[`S${i}`] = { type: 'object', properties: { a: next, b: { ...next } } };
  }
  schemas[`S${levels}`] = { type: 'string' };
  const use = { 'application/json': { schema: { $ref: '#/components/schemas/S0' } } };
  return openapi({ '/x': { post: { operationId: 'x', requestBody: { content: use }, responses: { '200': { description: 'ok', content: use } } } } }, { schemas });
}

let server: LoopbackServer;
beforeAll(async () => {
  server = await loopbackServer((request, response) => {
    request.resume();
    request.on('end', () => response.end('{}'));
  });
});
afterAll(() => server.close());

describe('$ref fan-out', () => {
  const spec = scratch.write('fan30.json', fanOut(30));

  it('is 4 KB of text', () => {
    expect(fanOut(30).length).toBeLessThan(4_500);
  });

  it.each([
    ['lint', () => ['lint', spec]],
    ['run', () => ['run', spec, '--base-url', server.url]],
    ['mock', () => ['mock', spec, 'x']],
  ])('%s refuses it with one line naming the limit, promptly, in bounded memory', async (_command, args) => {
    const run = await sentinel(args(), { timeoutMs: 45_000, maxOldSpaceMb: 512 });
    expectOneLineError(run, /^sentinel: .*fan30\.json: \$refs unfold to over 32,000,000 nodes, the limit/);
    expect(run.durationMs).toBeLessThan(30_000);
    expect(run.peakMb).toBeLessThan(300);
    expect(server.requests).toBe(0);
  }, 60_000);

  it('a smaller fan-out is refused at the per-schema limit, naming the schema', async () => {
    const run = await sentinel(['lint', scratch.write('fan18.json', fanOut(18))], { timeoutMs: 45_000, maxOldSpaceMb: 512 });
    expectOneLineError(run, /^sentinel: .*fan18\.json: POST \/x request body application\/json: the schema unfolds to over 50,000 subschemas through its \$refs, the limit/);
    expect(run.peakMb).toBeLessThan(300);
  }, 60_000);

  it('under the limit, lint, mock and run finish in bounded memory', async () => {
    const spec14 = scratch.write('fan14.json', fanOut(14));
    for (const args of [['lint', spec14], ['mock', spec14, 'x', '-n', '2'], ['run', spec14, '--base-url', server.url, '--max-examples', '2']]) {
      const run = await sentinel(args, { timeoutMs: 60_000, maxOldSpaceMb: 768 });
      expect(run.signal).toBeNull();
      expect([0, 1]).toContain(run.code);
      expect(run.peakMb).toBeLessThan(400);
    }
  }, 200_000);

  it('a shared component stays one object, not a copy per use', async () => {
    const model = await loadSpec(scratch.write('fan4.json', fanOut(4)));
    const body = model.operations[0]!.requestBody!.content[0]!.schema as { properties: { a: unknown; b: unknown } };
    expect(body.properties.a).toBe(body.properties.b);
    expect(model.operations[0]!.responses[0]!.content[0]!.schema).toBe(body);
  });
});
