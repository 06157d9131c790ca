// A "billion laughs" YAML document: 1 KB of aliases that expand to 9^9 strings. Refused with one line
// by lint, run and mock, in bounded memory (this already held; kept so it does not regress).
import { describe, expect, it } from 'vitest';
import { buildCliBeforeAll, expectOneLineError, scratchDir, sentinel } from './spec-harness.js';

buildCliBeforeAll();
const scratch = scratchDir();

function billionLaughs(levels: number): string {
  const lines = ['openapi: 3.0.3', 'info: {title: t, version: "1"}', 'paths: {/a: {get: {operationId: a, responses: {"200": {description: ok}}}}}', 'x-lol:', '  l0: &l0 [lol,lol,lol,lol,lol,lol,lol,lol,lol]'];
  for (let i = 1; i < levels; i++) lines.push(`  l${i}: &l${i} [${Array(9).fill(`*l${i - 1}`).join(',')}]`);
  return `${lines.join('\n')}\n`;
}

describe('YAML alias bomb', () => {
  const spec = scratch.write('lol.yaml', billionLaughs(10));
  it.each([
    ['lint', () => ['lint', spec]],
    ['run', () => ['run', spec, '--base-url', 'http://127.0.0.1:9']],
    ['mock', () => ['mock', spec, 'a']],
  ])('%s refuses it with one line, in bounded memory', async (_command, args) => {
    const run = await sentinel(args(), { timeoutMs: 45_000, maxOldSpaceMb: 512 });
    expectOneLineError(run, /^sentinel: .*lol\.yaml: YAML refused: too many aliases \(a "billion laughs" document\?\)/);
    expect(run.peakMb).toBeLessThan(300);
  }, 60_000);
});
