// The body reader: the cap counts decompressed bytes, layered codings are undone last-first, a body that
// is not compressed as announced is kept as it came, and JSON nesting is measured without parsing.
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BodyReader } from '../../../src/execution/body-reader.js';
import { nestsDeeperThan } from '../../../src/execution/json-depth.js';

async function read(encoding: string | undefined, chunks: Buffer[], cap: number): Promise<{ text: string; truncated: boolean; full: number }> {
  let full = 0;
  const reader = new BodyReader(encoding, cap, () => full++);
  for (const chunk of chunks) reader.push(chunk);
  const body = await reader.finish();
  return { text: body.bytes.toString('utf8'), truncated: body.truncated, full };
}

describe('BodyReader', () => {
  it('keeps a body of exactly the cap whole, and cuts one byte more', async () => {
    expect(await read(undefined, [Buffer.from('abcd')], 4)).toEqual({ text: 'abcd', truncated: false, full: 0 });
    expect(await read(undefined, [Buffer.from('ab'), Buffer.from('cde')], 4)).toEqual({ text: 'abcd', truncated: true, full: 1 });
  });

  it('undoes gzip, br and layered codings', async () => {
    expect((await read('gzip', [gzipSync('{"a":1}')], 100)).text).toBe('{"a":1}');
    expect((await read('br', [brotliCompressSync('{"a":1}')], 100)).text).toBe('{"a":1}');
    expect((await read('gzip, br', [brotliCompressSync(gzipSync('layered'))], 100)).text).toBe('layered');
  });

  it('counts decompressed bytes against the cap', async () => {
    const bomb = gzipSync(gzipSync(Buffer.alloc(50 * 1024 * 1024)));
    const body = await read('gzip, gzip', [bomb], 1000);
    expect(body).toEqual({ text: '\0'.repeat(1000), truncated: true, full: 1 });
  });

  it('keeps bytes that are not compressed as announced', async () => {
    expect(await read('gzip', [Buffer.from('plain after all')], 100)).toEqual({ text: 'plain after all', truncated: false, full: 0 });
  });
});

describe('nestsDeeperThan', () => {
  it.each([
    ['[[[]]]', 3, false],
    ['[[[[]]]]', 3, true],
    ['{"a":{"b":[1]}}', 3, false],
    ['["[[[[[[", {"k": "]]]\\"[[[["}]', 2, false],
    ['['.repeat(150_000), 256, true],
  ])('%s within %d: deeper %s', (text, max, deeper) => {
    expect(nestsDeeperThan(text, max)).toBe(deeper);
  });
});
