// A received response as the contract records it: lower-case headers (set-cookie as an array), the body
// as text (already decompressed and capped by the body reader), and parsed JSON when it is JSON and
// nests within the limit.
import type { ReceivedResponse } from '../core/exchange.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth.js';

export function toResponse(status: number, raw: Record<string, string | string[] | undefined>, bytes: Buffer, truncated: boolean): ReceivedResponse {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    const key = name.toLowerCase();
    headers[key] = key === 'set-cookie' ? (Array.isArray(value) ? value : [value]) : Array.isArray(value) ? value.join(', ') : value;
  }
  const body = bytes.toString('utf8');
  const response: ReceivedResponse = { status, headers, body, truncated };
  const contentType = typeof headers['content-type'] === 'string' ? headers['content-type'].toLowerCase() : '';
  if (!response.truncated && /[/+]json\b/.test(contentType) && body.length > 0) {
    if (nestsDeeperThan(body)) {
      response.unparsed = `JSON nested deeper than ${MAX_JSON_DEPTH} levels`;
      return response;
    }
    try {
      response.json = JSON.parse(body);
    } catch {
      // Not JSON despite the header: the content-type and schema checks judge that from `body`.
    }
  }
  return response;
}
