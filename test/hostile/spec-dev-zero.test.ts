// `/dev/zero` says its size is 0 and never ends: the size limit must count the bytes actually read.
import { describe, expect, it } from 'vitest';
import { buildCliBeforeAll, expectOneLineError, sentinel } from './spec-harness.js';

buildCliBeforeAll();

describe('a description that never ends', () => {
  it('sentinel lint /dev/zero stops at the size limit, memory bounded', async () => {
    const run = await sentinel(['lint', '/dev/zero'], { timeoutMs: 45_000 });
    expectOneLineError(run, /^sentinel: \/dev\/zero: document too large: over 32\.0 MB, the limit is 32\.0 MB$/);
    expect(run.peakMb).toBeLessThan(400);
  }, 60_000);
});
