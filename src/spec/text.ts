// Bytes to text: a description is UTF-8 (or UTF-16 with a BOM); anything else is refused before parsing.
import { SpecError } from '../core/errors.js';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes a document's bytes, refusing binary content with a message naming the first offending byte. */
export function decodeText(bytes: Uint8Array, file: string): string {
  const nul = bytes.indexOf(0);
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (utf16) {
    return new TextDecoder(bytes[0] === 0xff ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(bytes);
  }
  if (nul !== -1) {
    throw new SpecError(file, `not a text document: NUL byte at offset ${nul} (binary file?)`);
  }
  try {
    return utf8.decode(bytes);
  } catch {
    throw new SpecError(file, `not a text document: invalid UTF-8 at offset ${firstInvalidUtf8(bytes)}`);
  }
}

// Only run on the error path, to say where the bad byte is: a plain scan of UTF-8 sequence shapes.
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return i;
}
