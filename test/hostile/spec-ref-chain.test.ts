// A `$ref` chain 2,000 levels deep (each schema only a `$ref` to the next) used to end in "internal error:
// Maximum call stack size exceeded"; schemas nesting each other 2,000 deep through `$ref`s did too.
// Both are refused with one line naming the limit.
import { describe, it } from 'vitest';
import { buildCliBeforeAll, expectOneLineError, openapi, scratchDir, sentinel } from './spec-harness.js';

buildCliBeforeAll();
const scratch = scratchDir();
const LEVELS = 2_000;

function chain(link: (next: { $ref: string }) => unknown): string {
  const schemas: Record<string, unknown> = {};
  for (let i = 0; i < LEVELS; i++) schemas[`C${i}`] = link({ $ref: `#/components/schemas/C${i + 1}` });
  schemas[`C${LEVELS}`] = { type: 'string' };
  const content = { 'application/json': { schema: { $ref: '#/components/schemas/C0' } } };
  return openapi({ '/x': { get: { responses: { '200': { description: 'ok', content } } } } }, { schemas });
}

describe('deep $ref chains', () => {
  it('references to references: refused at the chain limit', async () => {
    const run = await sentinel(['lint', scratch.write('chain.json', chain((next) => next))], { timeoutMs: 45_000 });
    expectOneLineError(run, /^sentinel: .*chain\.json:1: \/components\/schemas\/C\d+: \$ref chain longer than 256 references \(each pointing at the next\), the limit$/);
  }, 60_000);

  it('schemas nesting each other: refused at the depth limit', async () => {
    const run = await sentinel(['lint', scratch.write('nest.json', chain((next) => ({ type: 'object', properties: { next } })))], { timeoutMs: 45_000 });
    expectOneLineError(run, /^sentinel: .*nest\.json: nesting deeper than 256 levels once \$refs are followed/);
  }, 60_000);
});
