// Reading a local file without trusting what it says about itself: `/dev/zero` reports size 0 and never
// ends, a FIFO blocks the opener until someone writes. Bytes are counted as they are read, and a file a
// `$ref` names must be a regular file (checked on the path, before opening, which is what would block).
import { stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';

const CHUNK_BYTES = 1024 * 1024;

/** Reads the whole file, or returns undefined as soon as more than `maxBytes` were read. */
export async function readAtMost(handle: FileHandle, maxBytes: number): Promise<{ bytes: Buffer } | { over: number }> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) return { bytes: Buffer.concat(chunks, total) };
    total += bytesRead;
    if (total > maxBytes) return { over: total };
    chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
  }
}

/** Why the path is not a regular file (a FIFO, a device, a socket, a directory), or undefined when it is one. */
export async function notRegularFile(path: string): Promise<string | undefined> {
  let info;
  try {
    info = await stat(path);
  } catch {
    return undefined; // opening it gives the precise reason
  }
  if (info.isFile()) return undefined;
  if (info.isDirectory()) return 'it is a directory';
  if (info.isFIFO()) return 'it is a named pipe (FIFO), not a regular file';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'it is a device, not a regular file';
  if (info.isSocket()) return 'it is a socket, not a regular file';
  return 'not a regular file';
}
