// The raw generator: one schema-shaped value per call, not yet verified (values.ts verifies). Choices
// (enum values, oneOf branches, optional properties) follow `variant` and `optional` so that agents
// can cover every enum value and every optional property with few cases.
import type { ApiModel, JsonSchema } from '../../spec/model.js';
import { generateNumber } from './numbers.js';
import type { Rng } from './prng.js';
import { freeText, realisticNumber } from './realistic.js';
import { isSchemaObject, mergeAllOf, typesOf, type JsonType, type SchemaObject } from './schema-view.js';
import { generateString } from './strings.js';
import { wrongTypeValue } from './violations.js';

export type OptionalPolicy = 'none' | 'all' | 'some';

export interface GenerateOptions {
  /** Which optional properties to include. */
  optional: OptionalPolicy;
  /** A non-negative variant picks enum values and branches by index (coverage); -1 picks at random. */
  variant: number;
  /** Header and cookie values must be ASCII. */
  asciiOnly: boolean;
  /** Use schema `examples` when present. */
  useExamples: boolean;
  /** Nesting beyond which only required properties and minimum items are generated. */
  maxDepth: number;
  /**
   * Make an object match only its chosen oneOf branch, by giving a property that only another branch
   * declares a value of a type that branch refuses (overlapping branches otherwise match twice).
   */
  exclusive: boolean;
}

export interface GenerateContext {
  model: ApiModel;
  rng: Rng;
  options: GenerateOptions;
}

/** Nesting at which generation gives up on a branch (a recursive schema without an exit). */
const HARD_DEPTH = 24;

export function generateValue(ctx: GenerateContext, schema: JsonSchema, name: string | undefined, depth = 0): unknown {
  if (schema === true) return freeText(ctx.rng, true);
  if (!isSchemaObject(schema) || depth > HARD_DEPTH) return undefined;
  const s = mergeAllOf(ctx.model, schema);
  if ('const' in s) return s.const;
  if (Array.isArray(s.enum) && s.enum.length > 0) return choose(ctx, s.enum);
  if (ctx.options.useExamples && Array.isArray(s.examples) && s.examples.length > 0) return choose(ctx, s.examples);
  const branches = Array.isArray(s.oneOf) ? s.oneOf : Array.isArray(s.anyOf) ? s.anyOf : undefined;
  if (branches !== undefined && branches.length > 0) return generateBranch(ctx, s, branches, name, depth);
  const type = chooseType(ctx, allowedTypes(s), s);
  switch (type) {
    case 'null':
      return null;
    case 'boolean':
      return ctx.options.variant >= 0 ? ctx.options.variant % 2 === 0 : ctx.rng.chance(0.5);
    case 'integer':
    case 'number': {
      const integer = type === 'integer';
      return generateNumber(ctx.rng, s, integer, realisticNumber(ctx.rng, name, integer));
    }
    case 'string':
      return generateString(ctx.rng, s, { name, asciiOnly: ctx.options.asciiOnly });
    case 'array':
      return generateArray(ctx, s, name, depth);
    case 'object':
      return generateObject(ctx, s, depth);
  }
}

const ALL_TYPES: JsonType[] = ['string', 'integer', 'number', 'boolean', 'object', 'array', 'null'];

/** The schema's types minus those a `not: { type }` excludes (`not` is otherwise left to verification). */
function allowedTypes(s: SchemaObject): JsonType[] {
  const types = typesOf(s);
  if (!isSchemaObject(s.not) || s.not.type === undefined) return types;
  const excluded = typesOf(s.not);
  const candidates = (types.length > 0 ? types : ALL_TYPES).filter((t) => !excluded.includes(t) && !(t === 'integer' && excluded.includes('number')));
  return candidates.length > 0 ? candidates : types;
}

function choose<T>(ctx: GenerateContext, items: readonly T[]): T {
  return ctx.options.variant >= 0 ? (items[ctx.options.variant % items.length] as T) : ctx.rng.pick(items);
}

function chooseType(ctx: GenerateContext, types: JsonType[], s: SchemaObject): JsonType {
  if (types.length === 0) return s.items !== undefined ? 'array' : 'string';
  const concrete = types.filter((t) => t !== 'null');
  if (concrete.length === 0) return 'null';
  // null is allowed but rarely the interesting value; random runs send it now and then.
  if (concrete.length < types.length && ctx.options.variant < 0 && ctx.rng.chance(0.1)) return 'null';
  return choose(ctx, concrete);
}

function generateBranch(ctx: GenerateContext, s: SchemaObject, branches: unknown[], name: string | undefined, depth: number): unknown {
  const index = ctx.options.variant >= 0 ? ctx.options.variant % branches.length : ctx.rng.int(0, branches.length - 1);
  const branch = branches[index] as JsonSchema;
  const { oneOf: _one, anyOf: _any, discriminator, ...rest } = s;
  const combined: SchemaObject = Object.keys(rest).length === 0 ? { allOf: [branch] } : { allOf: [rest, branch] };
  const value = generateValue(ctx, combined, name, depth);
  if (ctx.options.exclusive && Array.isArray(s.oneOf) && isSchemaObject(value)) excludeOtherBranches(ctx, value, branches, index);
  const propertyName = isSchemaObject(discriminator) ? discriminator.propertyName : undefined;
  if (typeof propertyName === 'string' && isSchemaObject(value) && isSchemaObject(discriminator)) {
    const tag = discriminatorValue(ctx, discriminator, mergeAllOf(ctx.model, isSchemaObject(branch) ? branch : {}), propertyName, index);
    if (tag !== undefined) value[propertyName] = tag;
  }
  return value;
}

function excludeOtherBranches(ctx: GenerateContext, value: Record<string, unknown>, branches: unknown[], chosen: number): void {
  const chosenBranch = isSchemaObject(branches[chosen]) ? mergeAllOf(ctx.model, branches[chosen] as SchemaObject) : {};
  if (chosenBranch.additionalProperties === false) return;
  const own = isSchemaObject(chosenBranch.properties) ? chosenBranch.properties : {};
  branches.forEach((other, index) => {
    if (index === chosen || !isSchemaObject(other)) return;
    const properties = mergeAllOf(ctx.model, other).properties;
    if (!isSchemaObject(properties)) return;
    for (const [name, schema] of Object.entries(properties)) {
      if (name in own || name in value || !isSchemaObject(schema)) continue;
      const poison = wrongTypeValue(typesOf(schema), false);
      if (poison === undefined) continue;
      value[name] = poison;
      return;
    }
  });
}

/** The discriminator value naming a branch: its own const/enum, its mapping entry, or its title. */
function discriminatorValue(ctx: GenerateContext, discriminator: SchemaObject, branch: SchemaObject, propertyName: string, index: number): unknown {
  const property = isSchemaObject(branch.properties) ? branch.properties[propertyName] : undefined;
  if (isSchemaObject(property) && ('const' in property || Array.isArray(property.enum))) return undefined;
  const mapping = isSchemaObject(discriminator.mapping) ? Object.entries(discriminator.mapping) : [];
  const title = typeof branch.title === 'string' ? branch.title : undefined;
  const byTitle = mapping.find(([, target]) => typeof target === 'string' && title !== undefined && target.endsWith(`/${title}`));
  if (byTitle !== undefined) return byTitle[0];
  if (mapping.length > index) return mapping[index]?.[0];
  if (title !== undefined) return title;
  return mapping.length > 0 ? ctx.rng.pick(mapping)[0] : undefined;
}

function generateArray(ctx: GenerateContext, s: SchemaObject, name: string | undefined, depth: number): unknown[] {
  const min = typeof s.minItems === 'number' ? s.minItems : 0;
  const max = typeof s.maxItems === 'number' ? s.maxItems : Math.max(min, 3);
  const prefix = Array.isArray(s.prefixItems) ? (s.prefixItems as JsonSchema[]) : [];
  const items = s.items === undefined ? true : (s.items as JsonSchema);
  const wanted = depth >= ctx.options.maxDepth ? min : Math.min(max, Math.max(min, ctx.options.optional === 'none' ? min : ctx.rng.int(1, 2)));
  const out: unknown[] = [];
  const seen = new Set<string>();
  const itemName = name?.replace(/(ies|s)$/, (m) => (m === 'ies' ? 'y' : ''));
  for (let attempt = 0; out.length < wanted && attempt < wanted * 5 + 5; attempt++) {
    const itemSchema = out.length < prefix.length ? (prefix[out.length] as JsonSchema) : items;
    if (itemSchema === false) break;
    const item = generateValue(ctx, itemSchema, itemName, depth + 1);
    if (item === undefined) break;
    if (s.uniqueItems === true) {
      const key = JSON.stringify(item);
      if (seen.has(key)) continue;
      seen.add(key);
    }
    out.push(item);
  }
  return out;
}

function generateObject(ctx: GenerateContext, s: SchemaObject, depth: number): Record<string, unknown> {
  const properties = isSchemaObject(s.properties) ? s.properties : {};
  const required = new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
  const deep = depth >= ctx.options.maxDepth;
  const maxProperties = typeof s.maxProperties === 'number' ? s.maxProperties : Infinity;
  const out: Record<string, unknown> = {};
  const names = [...required, ...Object.keys(properties).filter((n) => !required.has(n))];
  for (const name of names) {
    const sub = (properties[name] ?? additionalSchema(s)) as JsonSchema;
    const isRequired = required.has(name);
    if (!isRequired && (deep || !includeOptional(ctx) || Object.keys(out).length >= maxProperties)) continue;
    if (!isRequired && isSchemaObject(sub) && sub.readOnly === true) continue;
    const value = generateValue(ctx, sub, name, depth + 1);
    if (value !== undefined) out[name] = value;
  }
  const minProperties = typeof s.minProperties === 'number' ? s.minProperties : 0;
  const extra = additionalSchema(s);
  for (let i = 0; Object.keys(out).length < minProperties && extra !== false && i < minProperties + 5; i++) {
    const key = `extra_${i}`;
    if (!(key in out)) out[key] = generateValue(ctx, extra, key, depth + 1);
  }
  return out;
}

function includeOptional(ctx: GenerateContext): boolean {
  return ctx.options.optional === 'all' || (ctx.options.optional === 'some' && ctx.rng.chance(0.5));
}

function additionalSchema(s: SchemaObject): JsonSchema {
  const extra = s.additionalProperties ?? s.unevaluatedProperties;
  return extra === undefined ? true : (extra as JsonSchema);
}
