// Fresh values per iteration for the body fields an API likely keeps unique (email, username, slug, sku,
// name...): every iteration of a lifecycle scenario sends the same generated body otherwise, and an API
// answers 409 from the second one on, so a soak with writes would measure conflicts. The engine's
// reserved `unique` marker (see UNIQUE_VALUE) goes in where the property's schema leaves room for it.
import { joinPointer } from '../../core/json-pointer.js';
import type { ApiModel, JsonSchema } from '../../spec/model.js';
import { isSchemaObject, mergeAllOf, typesOf, type SchemaObject } from '../../agents/data/schema-view.js';
import { scenarioMarker, UNIQUE_VALUE } from './scenarios.js';

/** Bounds of a drawn unique value's length (see execution/load/unique-value.ts: 4 + 2..3 + 1..6 characters). */
export const UNIQUE_MIN_LENGTH = 7;
export const UNIQUE_MAX_LENGTH = 14;

/** Last word of a property name (or the whole name, words joined) that marks a likely unique key. */
const IDENTIFIER_WORDS = new Set(['username', 'login', 'handle', 'slug', 'sku', 'code', 'key', 'nickname']);
const TEXT_WORDS = new Set(['name', 'title']);
const EMAIL_WORDS = new Set(['email', 'mail', 'emailaddress', 'mailaddress']);

type Kind = 'email' | 'identifier' | 'text';

/** `user_name`, `userName`, `User-Name` → [`user`, `name`]. */
function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** What kind of unique key `name` looks like, if any. */
export function uniqueKeyKind(name: string): Kind | undefined {
  const words = wordsOf(name);
  if (words.length === 0) return undefined;
  const last = words[words.length - 1]!;
  const joined = words.join('');
  if (EMAIL_WORDS.has(last) || EMAIL_WORDS.has(joined) || (words[0] === 'email' && last === 'address')) return 'email';
  if (IDENTIFIER_WORDS.has(last) || IDENTIFIER_WORDS.has(joined) || IDENTIFIER_WORDS.has(words.slice(-2).join(''))) return 'identifier';
  if (TEXT_WORDS.has(last)) return 'text';
  return undefined;
}

/**
 * `value` with the unique marker in every string property that looks like a unique key and whose schema
 * allows it, at any depth (objects and arrays of objects). Returns the new value and the pointers changed.
 */
export function withUniqueValues(model: ApiModel, schema: JsonSchema | undefined, value: unknown): { value: unknown; changed: string[] } {
  const changed: string[] = [];
  const visit = (current: unknown, currentSchema: SchemaObject | undefined, pointer: string, depth: number): unknown => {
    if (currentSchema === undefined || depth > 8) return current;
    if (Array.isArray(current)) {
      const items = isSchemaObject(currentSchema.items) ? mergeAllOf(model, currentSchema.items) : undefined;
      return current.map((item, index) => visit(item, items, `${pointer}/${index}`, depth + 1));
    }
    if (current === null || typeof current !== 'object') return current;
    const out: Record<string, unknown> = {};
    for (const [name, inner] of Object.entries(current as Record<string, unknown>)) {
      const propertySchema = propertyOf(model, currentSchema, name);
      const innerPointer = joinPointer(pointer, name);
      const unique = typeof inner === 'string' && propertySchema !== undefined ? uniqueValueFor(name, inner, propertySchema) : undefined;
      if (unique !== undefined) {
        out[name] = unique;
        changed.push(innerPointer);
      } else {
        out[name] = visit(inner, propertySchema, innerPointer, depth + 1);
      }
    }
    return out;
  };
  const root = isSchemaObject(schema) ? mergeAllOf(model, schema) : undefined;
  return { value: visit(value, root, '', 0), changed };
}

/** The property's schema: declared directly (allOf merged), or by the first oneOf/anyOf member that declares it. */
function propertyOf(model: ApiModel, schema: SchemaObject, name: string): SchemaObject | undefined {
  const direct = declared(schema, name);
  if (direct !== undefined) return mergeAllOf(model, direct);
  for (const keyword of ['oneOf', 'anyOf']) {
    const members = schema[keyword];
    if (!Array.isArray(members)) continue;
    for (const member of members) {
      if (!isSchemaObject(member)) continue;
      const found = declared(mergeAllOf(model, member), name);
      if (found !== undefined) return mergeAllOf(model, found);
    }
  }
  return undefined;
}

function declared(schema: SchemaObject, name: string): SchemaObject | undefined {
  const properties = schema.properties;
  if (!isSchemaObject(properties) || !Object.hasOwn(properties, name)) return undefined;
  const property = properties[name];
  return isSchemaObject(property) ? property : undefined;
}

/** The marked value for a string property `name` whose generated value is `generated`, or undefined to leave it. */
function uniqueValueFor(name: string, generated: string, schema: SchemaObject): string | undefined {
  if (generated.includes('__SENTINEL_')) return undefined;
  const kind = uniqueKeyKind(name);
  if (kind === undefined) return undefined;
  const types = typesOf(schema);
  if (types.length > 0 && !types.includes('string')) return undefined;
  // A value the schema pins or shapes cannot take an arbitrary suffix.
  if (schema.enum !== undefined || schema.const !== undefined || schema.pattern !== undefined || schema.contentEncoding !== undefined) return undefined;
  const format = schema.format;
  if (format !== undefined && format !== 'email') return undefined;
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  const marker = scenarioMarker(UNIQUE_VALUE);
  const fits = (fixed: number) => fixed + UNIQUE_MIN_LENGTH >= min && fixed + UNIQUE_MAX_LENGTH <= max;
  if (kind === 'email' || format === 'email') {
    const [before, after] = ['u', '@example.com'];
    return fits(before.length + after.length) ? `${before}${marker}${after}` : undefined;
  }
  if (kind === 'identifier') {
    // Letters and digits only, starting with a letter: what a username or slug is most often allowed.
    const pad = 'x'.repeat(Math.max(0, min - UNIQUE_MIN_LENGTH));
    return fits(pad.length) ? `${pad}${marker}` : undefined;
  }
  // Free text (a name, a title): keep what was generated, cut so the suffix fits.
  const room = max - UNIQUE_MAX_LENGTH - 1;
  if (room < 0) return fits(0) ? marker : undefined;
  const kept = [...generated].slice(0, room).join('').trimEnd();
  if (kept === '') return fits(0) ? marker : undefined;
  return fits(kept.length + 1) ? `${kept}-${marker}` : undefined;
}
