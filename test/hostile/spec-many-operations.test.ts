// A description of 100,000 operations used to plan 1.8 M cases in 4 GB before sending anything. The plan
// is built in chunks of operations and stops at a stated budget; the run's notes say so.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliBeforeAll, loopbackServer, openapi, scratchDir, sentinel, type LoopbackServer } from './spec-harness.js';

buildCliBeforeAll();
const scratch = scratchDir();
const OPERATIONS = 100_000;

function manyOperations(): string {
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < OPERATIONS; i++) {
    paths[`/r${i}/{id}`] = {
      get: {
        operationId: `get${i}`,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }, { name: 'q', in: 'query', schema: { type: 'string' } }],
        responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } } },
      },
    };
  }
  return openapi(paths, { schemas: { Item: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string' } } } } });
}

let server: LoopbackServer;
beforeAll(async () => {
  server = await loopbackServer((request, response) => {
    request.resume();
    request.on('end', () => response.end('{"id": 1, "name": "x"}'));
  });
});
afterAll(() => server.close());

describe('a description of 100,000 operations', () => {
  it('run plans within the budget, says so, and its memory stays bounded', async () => {
    const spec = scratch.write('many.json', manyOperations());
    const report = scratch.path('many-report.json');
    // Interrupted once sending starts: what is measured is loading and planning, and the report of what ran.
    const run = await sentinel(['run', spec, '--base-url', server.url, '--report', `json=${report}`], {
      timeoutMs: 230_000,
      maxOldSpaceMb: 2048,
      interruptOn: /cases and scenarios planned/,
    });
    const planned = /sentinel: ([\d,]+) operations, (\d+) cases and scenarios planned/.exec(run.stderr);
    expect(planned).not.toBeNull();
    expect(Number(planned![1]!.replace(/,/g, ''))).toBeLessThan(OPERATIONS);
    expect(Number(planned![2])).toBeLessThan(200_000);
    const written = JSON.parse(readFileSync(report, 'utf8')) as { summary: { notes: string[] } };
    expect(written.summary.notes.join('\n')).toMatch(/planned [\d,]+ of 100,000 operations \(in description order\): planning stops once the plan holds 100,000 cases and scenarios; choose the others with --include\/--exclude/);
    expect(run.code).toBe(2);
    expect(run.peakMb).toBeLessThan(1_500);
  }, 240_000);
});
