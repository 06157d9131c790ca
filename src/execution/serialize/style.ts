// Parameter serialization by OpenAPI style and explode (the table of OAS 3.x "Style Examples", with the
// RFC 6570 reading of `label` that OAS 3.1.1+ fixed). Pure functions: a value in, an encoded string out.
import type { ParameterStyle } from '../../spec/model.js';

/** How the characters of one value are escaped for where it goes. */
export type Escape = (text: string) => string;

const UNRESERVED = /^[A-Za-z0-9\-._~]*$/;

/** Percent-encodes everything but RFC 3986 unreserved characters (most values are already plain). */
export const escapeComponent: Escape = (text) =>
  UNRESERVED.test(text) ? text : encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `allowReserved`: reserved characters pass through; everything else is escaped like a component. */
export const escapeAllowReserved: Escape = (text) =>
  text.replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/gu, (c) => encodeURIComponent(c));

/**
 * Header and cookie values must be visible ASCII (undici refuses the rest): escape control and
 * non-ASCII characters so an odd generated value is still sent rather than lost.
 */
export const escapeHeaderValue: Escape = (text) =>
  text.replace(/[^\x20-\x7e]/gu, (c) => encodeURIComponent(c));

/** The text of one primitive value; nested structures (an object inside an array) become JSON. */
export function primitiveText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

type Shape = { kind: 'empty' } | { kind: 'primitive'; text: string } | { kind: 'array'; items: string[] } | { kind: 'object'; entries: [string, string][] };

function shapeOf(value: unknown): Shape {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (Array.isArray(value)) return { kind: 'array', items: value.map(primitiveText) };
  if (typeof value === 'object') {
    return { kind: 'object', entries: Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, primitiveText(v)]) };
  }
  return { kind: 'primitive', text: String(value) };
}

/** A path segment for `{name}` in styles simple, label and matrix. */
export function serializePathValue(name: string, value: unknown, style: ParameterStyle, explode: boolean, escape: Escape = escapeComponent): string {
  const shape = shapeOf(value);
  if (style === 'label') return '.' + joinValues(shape, explode ? '.' : ',', explode, escape);
  if (style === 'matrix') {
    if (shape.kind === 'empty') return `;${name}`;
    if (shape.kind === 'array' && explode) return shape.items.map((item) => `;${name}=${escape(item)}`).join('');
    if (shape.kind === 'object' && explode) return shape.entries.map(([k, v]) => `;${escape(k)}=${escape(v)}`).join('');
    return `;${name}=${joinValues(shape, ',', false, escape)}`;
  }
  return joinValues(shape, ',', explode, escape);
}

/** A header value (style simple). */
export function serializeHeaderValue(value: unknown, explode: boolean): string {
  return joinValues(shapeOf(value), ',', explode, escapeHeaderValue);
}

/** Values joined by `separator`; exploded objects as `k=v`, otherwise `k,v`. */
function joinValues(shape: Shape, separator: string, explode: boolean, escape: Escape): string {
  switch (shape.kind) {
    case 'empty':
      return '';
    case 'primitive':
      return escape(shape.text);
    case 'array':
      return shape.items.map(escape).join(separator);
    case 'object':
      return explode
        ? shape.entries.map(([k, v]) => `${escape(k)}=${escape(v)}`).join(separator)
        : shape.entries.flatMap(([k, v]) => [escape(k), escape(v)]).join(',');
  }
}

/**
 * Query pairs (already escaped, ready to join with `&`) for styles form, spaceDelimited, pipeDelimited
 * and deepObject.
 */
export function serializeQueryPairs(name: string, value: unknown, style: ParameterStyle, explode: boolean, escape: Escape = escapeComponent): string[] {
  const shape = shapeOf(value);
  const key = escapeComponent(name);
  if (style === 'deepObject') {
    if (shape.kind === 'object') return shape.entries.map(([k, v]) => `${key}[${escapeComponent(k)}]=${escape(v)}`);
    if (shape.kind === 'array') return shape.items.map((item) => `${key}[]=${escape(item)}`);
  }
  const delimiter = style === 'spaceDelimited' ? '%20' : style === 'pipeDelimited' ? '|' : ',';
  switch (shape.kind) {
    case 'empty':
      return [`${key}=`];
    case 'primitive':
      return [`${key}=${escape(shape.text)}`];
    case 'array':
      return explode ? shape.items.map((item) => `${key}=${escape(item)}`) : [`${key}=${shape.items.map(escape).join(delimiter)}`];
    case 'object':
      return explode
        ? shape.entries.map(([k, v]) => `${escapeComponent(k)}=${escape(v)}`)
        : [`${key}=${shape.entries.flatMap(([k, v]) => [escape(k), escape(v)]).join(delimiter)}`];
  }
}

/** `name=value` pairs for a Cookie header (style form, or OAS 3.2's style cookie). */
export function serializeCookiePairs(name: string, value: unknown, explode: boolean): string[] {
  const shape = shapeOf(value);
  const escape = (text: string) => escapeHeaderValue(text).replace(/[;,\s"\\]/g, (c) => encodeURIComponent(c));
  switch (shape.kind) {
    case 'empty':
      return [`${name}=`];
    case 'primitive':
      return [`${name}=${escape(shape.text)}`];
    case 'array':
      return explode ? shape.items.map((item) => `${name}=${escape(item)}`) : [`${name}=${shape.items.map(escape).join(',')}`];
    case 'object':
      if (explode) return shape.entries.map(([k, v]) => `${escape(k)}=${escape(v)}`);
      return [`${name}=${shape.entries.flatMap(([k, v]) => [escape(k), escape(v)]).join(',')}`];
  }
}
