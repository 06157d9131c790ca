// YAML tags that would run code or read files in some loaders (`!!js/function`, `!include`) are refused
// with one line (this already held; kept so it does not regress).
import { describe, it } from 'vitest';
import { buildCliBeforeAll, expectOneLineError, scratchDir, sentinel } from './spec-harness.js';

buildCliBeforeAll();
const scratch = scratchDir();

describe('YAML tags', () => {
  it.each([
    ['!!js/function', 'x-f: !!js/function "function () { return process.exit(9) }"'],
    ['!include', 'x-i: !include /etc/passwd'],
  ])('%s is refused', async (_tag, line) => {
    const spec = scratch.write('tags.yaml', `openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\n${line}\n`);
    const run = await sentinel(['lint', spec], { timeoutMs: 45_000 });
    expectOneLineError(run, /^sentinel: .*tags\.yaml:4: YAML tags are not allowed/);
  }, 60_000);
});
