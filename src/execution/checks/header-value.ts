// A header arrives as text; its schema may say integer, boolean or array. Convert by the `simple` style
// (comma-separated) so validation judges the value, not its transport as a string.
import type { JsonSchema } from '../../spec/model.js';

export function coerceHeaderValue(schema: JsonSchema, raw: string): unknown {
  if (typeof schema !== 'object' || schema === null) return raw;
  const types = typesOf(schema);
  const trimmed = raw.trim();
  if (types.has('array')) {
    const items = (schema.items ?? true) as JsonSchema;
    return trimmed === '' ? [] : trimmed.split(',').map((part) => coerceHeaderValue(items, part.trim()));
  }
  if ((types.has('integer') || types.has('number')) && /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(trimmed)) {
    return Number(trimmed);
  }
  if (types.has('boolean') && (trimmed === 'true' || trimmed === 'false')) return trimmed === 'true';
  if (types.has('object')) return pairsToObject(trimmed);
  return raw;
}

function typesOf(schema: { [keyword: string]: unknown }): Set<string> {
  const type = schema.type;
  if (typeof type === 'string') return new Set([type]);
  if (Array.isArray(type)) return new Set(type.filter((t): t is string => typeof t === 'string'));
  return new Set();
}

function pairsToObject(value: string): Record<string, string> | string {
  const parts = value.split(',').map((part) => part.trim());
  if (parts.length % 2 !== 0) return value;
  const result: Record<string, string> = {};
  for (let i = 0; i < parts.length; i += 2) result[parts[i]!] = parts[i + 1]!;
  return result;
}
