// A `$ref` naming a FIFO would block the loader until someone writes to it, forever; one naming a
// device (`/dev/zero`, `/dev/urandom`) would stream without end. Both are refused before opening.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildCliBeforeAll, expectOneLineError, openapi, scratchDir, sentinel } from './spec-harness.js';

buildCliBeforeAll();
const scratch = scratchDir();

function referring(target: string): string {
  return openapi({ '/a': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: target } } } } } } } });
}

describe('$ref to a file that is not a regular file', () => {
  it('a FIFO: a clear error at once, not a hang', async () => {
    const fifo = scratch.path('schema.yaml');
    execFileSync('mkfifo', [fifo]);
    const spec = scratch.write('fifo.json', referring('./schema.yaml'));
    const run = await sentinel(['lint', spec], { timeoutMs: 45_000 });
    expectOneLineError(run, /^sentinel: .*fifo\.json:1: \/paths\/~1a\/get\/responses\/200\/content\/application~1json\/schema: \$ref target .*schema\.yaml: cannot read file: it is a named pipe \(FIFO\), not a regular file$/);
    expect(run.durationMs).toBeLessThan(30_000);
  }, 60_000);

  it('a device: refused, not read', async () => {
    const spec = scratch.write('device.json', referring('file:///dev/zero'));
    const run = await sentinel(['lint', spec], { timeoutMs: 45_000 });
    expectOneLineError(run, /device\.json:1: .*: \$ref target \/dev\/zero: cannot read file: it is a device, not a regular file$/);
  }, 60_000);
});
