// A million nested brackets (JSON) or flow sequences (YAML) would overflow a recursive parser or walker.
// Refused with one line before parsing builds them (this already held; kept so it does not regress).
import { describe, expect, it } from 'vitest';
import { buildCliBeforeAll, expectOneLineError, scratchDir, sentinel } from './spec-harness.js';

buildCliBeforeAll();
const scratch = scratchDir();
const DEPTH = 1_000_000;

describe('deeply nested documents', () => {
  it('JSON: nesting deeper than the limit, with the line', async () => {
    const text = `{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}, "x-deep": ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}`;
    const run = await sentinel(['lint', scratch.write('deep.json', text)], { timeoutMs: 45_000 });
    expectOneLineError(run, /^sentinel: .*deep\.json:1: nesting deeper than 256 levels$/);
    expect(run.peakMb).toBeLessThan(300);
  }, 60_000);

  it('YAML: refused, not a stack overflow', async () => {
    const text = `openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\nx-deep: ${'['.repeat(5_000)}${']'.repeat(5_000)}\n`;
    const run = await sentinel(['lint', scratch.write('deep.yaml', text)], { timeoutMs: 45_000 });
    expectOneLineError(run, /^sentinel: .*deep\.yaml: (nesting deeper than 256 levels|nesting too deep for the YAML parser|invalid YAML: nesting too deep)$/);
  }, 60_000);
});
