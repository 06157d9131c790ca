// Unbounded strings let one request carry megabytes into parsers, databases and logs.
import type { SchemaObject, SchemaRule } from '../../types.js';
import { hasType } from '../../facts.js';

// Formats whose valid values have a bounded length.
const BOUNDED_FORMATS = new Set(['date', 'date-time', 'time', 'uuid', 'ipv4', 'ipv6', 'int32', 'int64']);

/** An anchored pattern without open-ended repetition bounds the length too. */
function isBoundingPattern(pattern: unknown): boolean {
  return typeof pattern === 'string' && pattern.startsWith('^') && pattern.endsWith('$') && !/[*+]|\{\d+,\}/.test(pattern);
}

export function isBoundedString(schema: SchemaObject): boolean {
  return 'maxLength' in schema || 'enum' in schema || 'const' in schema
    || (typeof schema.format === 'string' && BOUNDED_FORMATS.has(schema.format)) || isBoundingPattern(schema.pattern);
}

export const stringUnbounded: SchemaRule = {
  id: 'owasp-string-unbounded',
  set: 'owasp',
  severity: 'warn',
  owasp: 'API4:2023 Unrestricted Resource Consumption',
  given: 'schema',
  scope: 'input',
  description: 'Input strings have a maximum length (or an enum, a bounded format or an anchored pattern).',
  fix: 'Add `maxLength` (or `enum`, a bounded `format` such as `uuid`/`date-time`, or an anchored `pattern`).',
  check(schema, context) {
    // An allOf branch is only part of the constraint: the bound may sit in a sibling.
    if (context.composed || !hasType(schema, 'string') || isBoundedString(schema)) return [];
    // Binary payloads are bounded by the server's body limit, not by a schema keyword.
    if (schema.format === 'binary') return [];
    return [{ pointer: '', message: 'Input string has no maxLength.' }];
  },
};
