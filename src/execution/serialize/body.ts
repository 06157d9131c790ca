// Request bodies by media type: JSON, form-urlencoded and multipart from a value; `raw` bytes verbatim.
import type { PlannedBody } from '../../core/test-case.js';
import type { JsonSchema, MediaTypeContent } from '../../spec/model.js';
import { escapeComponent, primitiveText, serializeQueryPairs } from './style.js';
import { toXml } from './xml.js';

export interface SerializedBody {
  contentType: string;
  body: string;
}

/** Fixed so the same plan gives the same bytes (and the same curl line); lengthened if it occurs in a value. */
const BOUNDARY_BASE = 'SentinelBoundary7MA4YWxkTrZu0gW';

type Encoding = NonNullable<MediaTypeContent['encoding']>;

/** `undefined` when there is nothing to send (no value and no raw bytes). `schema` names XML elements. */
export function serializeBody(planned: PlannedBody, encoding?: Encoding, schema?: JsonSchema): SerializedBody | undefined {
  const mediaType = planned.mediaType;
  if (planned.raw !== undefined) return { contentType: mediaType, body: planned.raw };
  if (planned.value === undefined) return undefined;
  const essence = mediaType.split(';')[0]!.trim().toLowerCase();
  if (essence === 'application/x-www-form-urlencoded') return { contentType: mediaType, body: formUrlEncoded(planned.value, encoding) };
  if (essence === 'multipart/form-data' || essence === 'multipart/mixed') return multipart(essence, planned.value, encoding);
  if (isJsonMediaType(essence)) return { contentType: mediaType, body: JSON.stringify(planned.value) };
  if (essence.endsWith('/xml') || essence.endsWith('+xml')) {
    return { contentType: mediaType, body: typeof planned.value === 'string' ? planned.value : toXml(planned.value, schema) };
  }
  return { contentType: mediaType, body: typeof planned.value === 'string' ? planned.value : JSON.stringify(planned.value) };
}

export function isJsonMediaType(essence: string): boolean {
  return essence === 'application/json' || essence.endsWith('+json') || essence === '*/*' || essence === 'application/*';
}

function formUrlEncoded(value: unknown, encoding?: Encoding): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return primitiveText(value);
  const pairs: string[] = [];
  for (const [name, property] of Object.entries(value as Record<string, unknown>)) {
    if (property === undefined) continue;
    const rule = encoding?.[name];
    // OAS: properties of form bodies default to style form, explode true; objects without a style are JSON.
    if (rule?.style === undefined && property !== null && typeof property === 'object' && !Array.isArray(property)) {
      pairs.push(`${escapeComponent(name)}=${escapeComponent(JSON.stringify(property))}`);
      continue;
    }
    const style = rule?.style ?? 'form';
    pairs.push(...serializeQueryPairs(name, property, style, rule?.explode ?? style === 'form'));
  }
  return pairs.join('&');
}

function multipart(essence: string, value: unknown, encoding?: Encoding): SerializedBody {
  const parts: { name: string; contentType?: string; filename?: string; text: string }[] = [];
  const object = value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : { value };
  for (const [name, property] of Object.entries(object)) {
    if (property === undefined) continue;
    // An array property is repeated parts of one name (how multipart carries several files or values).
    const items = Array.isArray(property) ? property : [property];
    for (const item of items) parts.push(partOf(name, item, encoding?.[name]?.contentType));
  }
  let boundary = BOUNDARY_BASE;
  while (parts.some((part) => part.text.includes(boundary))) boundary += 'x';
  const lines: string[] = [];
  for (const part of parts) {
    lines.push(`--${boundary}`);
    const filename = part.filename === undefined ? '' : `; filename="${part.filename}"`;
    lines.push(`Content-Disposition: form-data; name="${part.name.replace(/"/g, '%22')}"${filename}`);
    if (part.contentType !== undefined) lines.push(`Content-Type: ${part.contentType}`);
    lines.push('', part.text);
  }
  lines.push(`--${boundary}--`, '');
  return { contentType: `${essence}; boundary=${boundary}`, body: lines.join('\r\n') };
}

function partOf(name: string, value: unknown, contentType?: string) {
  if (value !== null && typeof value === 'object') {
    return { name, contentType: contentType ?? 'application/json', text: JSON.stringify(value) };
  }
  // A part declared binary (or given a non-text content type) is sent as a file upload.
  if (contentType !== undefined && !contentType.startsWith('text/')) {
    return { name, contentType, filename: name, text: primitiveText(value) };
  }
  return { name, contentType, text: primitiveText(value) };
}
