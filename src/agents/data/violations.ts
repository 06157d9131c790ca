// Invalid candidates, one violated constraint each: a wrong type, a value outside the enum, a length,
// range, pattern, format or size violated, a required property missing, an unknown property added.
import type { Candidate, LeafContext, LeafInput } from './candidates.js';
import { REMOVE } from './candidates.js';
import { numericStep, resized } from './boundaries.js';
import { isMultiple } from './numbers.js';
import { isSchemaObject, typesOf, type JsonType } from './schema-view.js';
import { fit, stringLength } from './strings.js';
import { patternGuardFor, type PatternGuard, type SafePattern } from '../../core/safe-pattern.js';

const BAD_FORMATS: Record<string, unknown> = {
  date: '2024-13-45',
  'date-time': 'not-a-date-time',
  time: '25:61:00',
  email: 'not-an-email',
  'idn-email': 'not-an-email',
  uuid: 'not-a-uuid',
  uri: 'not a uri',
  hostname: '-bad_host-.',
  ipv4: '999.1.1.1',
  ipv6: 'not:an:ipv6::x::y',
  byte: '***not base64***',
  'json-pointer': 'no-leading-slash',
  regex: '([unclosed',
  int32: 2 ** 31,
  float: 1e39,
};

/** The unknown property added where `additionalProperties` forbids it. */
export const UNKNOWN_PROPERTY = 'sentinel_unknown_property';

export function violationCandidates(ctx: LeafContext, input: LeafInput): Candidate[] {
  const { schema, value } = input;
  const out: Candidate[] = [];
  const bad = (v: unknown, constraint: string, description: string, at = '') => out.push({ value: v, at, constraint, description });
  const wrongType = wrongTypeValue(typesOf(schema), ctx.asText);
  if (wrongType !== undefined) bad(wrongType, 'type', `${JSON.stringify(wrongType)} where ${describeTypes(typesOf(schema))} is expected`);
  if (Array.isArray(schema.enum)) bad(outsideEnum(schema.enum), 'enum', `a value outside the enum [${schema.enum.slice(0, 5).map(String).join(', ')}]`);
  if ('const' in schema) bad(outsideEnum([schema.const]), 'const', `a value other than the const ${JSON.stringify(schema.const)}`);
  if (typeof value === 'string') stringViolations(ctx, schema, value, bad);
  if (typeof value === 'number') numberViolations(schema, value, bad);
  if (Array.isArray(value)) arrayViolations(ctx, schema, value, bad);
  if (isSchemaObject(value)) objectViolations(schema, value, bad);
  // Last, so a per-spot limit drops it before the specific constraints.
  const nullable = typesOf(schema).includes('null') || (Array.isArray(schema.enum) && schema.enum.includes(null));
  if (!ctx.asText && !nullable && typesOf(schema).length > 0 && !('const' in schema)) bad(null, 'type', 'null where the schema is not nullable');
  return out;
}

type Emit = (value: unknown, constraint: string, description: string, at?: string) => void;

function describeTypes(types: JsonType[]): string {
  return types.join(' or ');
}

/** A value of a JSON type the schema does not admit; as text for parameters. */
export function wrongTypeValue(types: JsonType[], asText: boolean): unknown {
  if (types.length === 0) return undefined;
  if (asText) {
    if (types.includes('string') || types.includes('array') || types.includes('object')) return undefined;
    return types.includes('boolean') ? 'not-a-boolean' : 'not-a-number';
  }
  const admits = (v: unknown): boolean =>
    (typeof v === 'string' && types.includes('string')) ||
    (typeof v === 'number' && (types.includes('number') || (Number.isInteger(v) && types.includes('integer')))) ||
    (typeof v === 'boolean' && types.includes('boolean')) ||
    (Array.isArray(v) && types.includes('array')) ||
    (isSchemaObject(v) && types.includes('object'));
  return ['sentinel', 12345, true, { sentinel: true }, ['sentinel']].find((v) => !admits(v));
}

function outsideEnum(values: unknown[]): unknown {
  if (values.every((v) => typeof v === 'number')) return Math.max(...(values as number[])) + 1;
  const taken = new Set(values.map((v) => JSON.stringify(v)));
  return ['sentinel-not-in-enum', 'SENTINEL_NOT_IN_ENUM', 'x'].find((v) => !taken.has(JSON.stringify(v)));
}

function stringViolations(ctx: LeafContext, schema: LeafInput['schema'], value: string, bad: Emit): void {
  const seed = value === '' ? 'a' : value;
  if (typeof schema.minLength === 'number' && schema.minLength > 0) {
    bad(fit(ctx.rng, seed, schema.minLength - 1, schema.minLength - 1), 'minLength', `length ${schema.minLength - 1}, below minLength ${schema.minLength}`);
  }
  if (typeof schema.maxLength === 'number' && schema.maxLength <= 100_000) {
    bad(fit(ctx.rng, seed, schema.maxLength + 1, schema.maxLength + 1), 'maxLength', `length ${schema.maxLength + 1}, above maxLength ${schema.maxLength}`);
  }
  if (typeof schema.pattern === 'string') {
    const mismatch = patternMismatch(schema.pattern, schema, patternGuardFor(ctx.model));
    if (mismatch !== undefined) bad(mismatch, 'pattern', `a string not matching the pattern ${schema.pattern}`);
  }
  const format = typeof schema.format === 'string' ? BAD_FORMATS[schema.format] : undefined;
  if (typeof format === 'string') bad(format, 'format', `a string that is not a valid ${String(schema.format)}`);
}

function patternMismatch(pattern: string, schema: LeafInput['schema'], guard: PatternGuard): string | undefined {
  const regex = compilePattern(pattern, guard);
  if (regex === undefined) return undefined;
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  const candidates = ['!', '~', ' ', '0', 'a', 'A', '-', '#', '.'].flatMap((c) => [c, c.repeat(Math.max(min, 1))]);
  const mismatches = (c: string) => regex.search(c).kind === 'no-match';
  const fitting = candidates.find((c) => mismatches(c) && stringLength(c) >= min && stringLength(c) <= max);
  return fitting ?? candidates.find(mismatches);
}

function numberViolations(schema: LeafInput['schema'], value: number, bad: Emit): void {
  const integer = typesOf(schema).includes('integer') && !typesOf(schema).includes('number');
  const step = numericStep(schema, integer);
  const round = (v: number) => Number(v.toPrecision(15));
  if (typeof schema.minimum === 'number') bad(round(schema.minimum - step), 'minimum', `below minimum ${schema.minimum}`);
  if (typeof schema.exclusiveMinimum === 'number') bad(schema.exclusiveMinimum, 'exclusiveMinimum', `equal to exclusiveMinimum ${schema.exclusiveMinimum}`);
  if (typeof schema.maximum === 'number') bad(round(schema.maximum + step), 'maximum', `above maximum ${schema.maximum}`);
  if (typeof schema.exclusiveMaximum === 'number') bad(schema.exclusiveMaximum, 'exclusiveMaximum', `equal to exclusiveMaximum ${schema.exclusiveMaximum}`);
  if (typeof schema.multipleOf === 'number' && schema.multipleOf > 0) {
    const off = [value + schema.multipleOf / 2, value + schema.multipleOf / 3, value - schema.multipleOf / 2].map(round).find((v) => !isMultiple(v, schema.multipleOf));
    if (off !== undefined) bad(integer && !Number.isInteger(off) ? Math.round(off) : off, 'multipleOf', `not a multiple of ${schema.multipleOf}`);
  }
  const format = typeof schema.format === 'string' ? BAD_FORMATS[schema.format] : undefined;
  if (typeof format === 'number') bad(format, 'format', `outside the ${String(schema.format)} range`);
}

function arrayViolations(ctx: LeafContext, schema: LeafInput['schema'], value: unknown[], bad: Emit): void {
  if (typeof schema.minItems === 'number' && schema.minItems > 0) {
    bad(resized(ctx, value, schema, schema.minItems - 1), 'minItems', `${schema.minItems - 1} items, below minItems ${schema.minItems}`);
  }
  if (typeof schema.maxItems === 'number' && schema.maxItems <= 1000) {
    bad(resized(ctx, value, schema, schema.maxItems + 1), 'maxItems', `${schema.maxItems + 1} items, above maxItems ${schema.maxItems}`);
  }
  if (schema.uniqueItems === true) {
    const first = value.length > 0 ? value[0] : ctx.fresh(schema.items ?? true);
    if (first !== undefined) bad([first, first, ...value.slice(1)], 'uniqueItems', 'the same item twice where items must be unique');
  }
}

function objectViolations(schema: LeafInput['schema'], value: Record<string, unknown>, bad: Emit): void {
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  for (const name of required) {
    if (name in value) bad(REMOVE, 'required', `required property "${name}" missing`, `/${escapePointer(name)}`);
  }
  const closed = schema.additionalProperties === false || (schema.additionalProperties === undefined && schema.unevaluatedProperties === false);
  if (closed && !(isSchemaObject(schema.properties) && UNKNOWN_PROPERTY in schema.properties)) {
    bad('unexpected', schema.additionalProperties === false ? 'additionalProperties' : 'unevaluatedProperties', `unknown property "${UNKNOWN_PROPERTY}" where none is allowed`, `/${UNKNOWN_PROPERTY}`);
  }
  if (typeof schema.minProperties === 'number' && schema.minProperties > 0 && required.length === 0) {
    bad({}, 'minProperties', `no properties, below minProperties ${schema.minProperties}`);
  }
}

export function escapePointer(name: string): string {
  return name.replaceAll('~', '~0').replaceAll('/', '~1');
}

/** As the validator compiles patterns: without the `u` flag; with it only if that alone compiles. */
function compilePattern(pattern: string, guard: PatternGuard): SafePattern | undefined {
  for (const flags of ['', 'u']) {
    try {
      return guard.compile(pattern, flags);
    } catch {
      // try the next flags
    }
  }
  return undefined;
}
