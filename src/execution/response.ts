// A received response as the contract records it: lower-case headers (set-cookie as an array), the body
// as text (decompressed when the server compressed it anyway), and parsed JSON when it is JSON.
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import type { ReceivedResponse } from '../core/exchange.js';

export function toResponse(status: number, raw: Record<string, string | string[] | undefined>, bytes: Buffer, truncated: boolean, cap: number): ReceivedResponse {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    headers[key] = key === 'set-cookie' ? (Array.isArray(value) ? value : [value]) : Array.isArray(value) ? value.join(', ') : value;
  }
  const decoded = truncated ? { bytes, truncated } : decode(bytes, headers['content-encoding'], cap);
  const body = decoded.bytes.toString('utf8');
  const response: ReceivedResponse = { status, headers, body, truncated: decoded.truncated };
  const contentType = typeof headers['content-type'] === 'string' ? headers['content-type'].toLowerCase() : '';
  if (!response.truncated && /[/+]json\b/.test(contentType) && body.length > 0) {
    try {
      response.json = JSON.parse(body);
    } catch {
      // Not JSON despite the header: the content-type and schema checks judge that from `body`.
    }
  }
  return response;
}

/**
 * Sentinel sends no Accept-Encoding, but some servers compress regardless; judging compressed bytes as
 * text would turn into false schema findings. Output is capped like any body.
 */
function decode(bytes: Buffer, encoding: string | string[] | undefined, cap: number): { bytes: Buffer; truncated: boolean } {
  const name = typeof encoding === 'string' ? encoding.trim().toLowerCase() : '';
  const inflate = name === 'gzip' || name === 'x-gzip' ? gunzipSync : name === 'deflate' ? inflateSync : name === 'br' ? brotliDecompressSync : undefined;
  if (inflate === undefined || bytes.length === 0) return { bytes, truncated: false };
  try {
    return { bytes: inflate(bytes, { maxOutputLength: cap }), truncated: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return { bytes: bytes.subarray(0, 0), truncated: true };
    // Not really compressed as announced: keep the bytes as they came.
    return { bytes, truncated: false };
  }
}
