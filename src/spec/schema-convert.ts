// Converting Swagger 2 / OpenAPI 3.x schemas to JSON Schema 2020-12, each source object converted once.
// Conversion is memoized by object identity: after dereferencing, a shared component is one JS object
// however many operations use it, so large descriptions stay fast. A schema reached again while it is
// still being converted is recursive: it becomes `{ $ref: urn:sentinel:defs#/$defs/<key> }`.
import { SCHEMA_DEFS_ID, type Dialect, type JsonSchema } from './model.js';

type SchemaObject = Record<string, unknown>;

const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
const SCHEMA_VALUES = new Set([
  'additionalProperties', 'additionalItems', 'not', 'if', 'then', 'else', 'contains', 'propertyNames',
  'unevaluatedProperties', 'unevaluatedItems', 'contentSchema',
]);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
/** Keywords that would make Ajv look up other documents or register ids twice; OpenAPI-only ones handled below. */
const DROPPED = new Set(['$schema', '$id', '$anchor', '$dynamicAnchor', '$dynamicRef', '$comment', 'nullable', 'x-nullable', 'example', '$ref', 'id']);

export class SchemaConverter {
  readonly defs: Record<string, JsonSchema> = {};
  private readonly memo = new WeakMap<object, JsonSchema>();
  private readonly active = new Set<object>();
  private readonly defKeys = new Map<object, string>();
  private readonly usedKeys = new Set<string>();
  private readonly acyclicData = new WeakSet<object>();
  private readonly legacy: boolean;

  /**
   * `onCircularValue` hears of data (an enum, a default, an example, an extension) that a `$ref` made
   * circular: it cannot be part of a schema, so it is left out.
   */
  constructor(
    dialect: Dialect,
    private readonly refNames: WeakMap<object, string> = new WeakMap(),
    private readonly onCircularValue: (keyword: string) => void = () => undefined,
  ) {
    // Swagger 2 and OpenAPI 3.0 use the draft-4 flavoured keywords (nullable, boolean exclusives, example).
    this.legacy = dialect === 'swagger-2.0' || dialect === 'openapi-3.0';
  }

  convert(schema: unknown): JsonSchema {
    if (typeof schema === 'boolean') return schema;
    if (schema === null || typeof schema !== 'object' || Array.isArray(schema)) return {};
    const done = this.memo.get(schema);
    if (done !== undefined) return done;
    if (this.active.has(schema)) return { $ref: `${SCHEMA_DEFS_ID}#/$defs/${this.defKey(schema)}` };
    this.active.add(schema);
    const converted = this.convertObject(schema as SchemaObject);
    this.active.delete(schema);
    this.memo.set(schema, converted);
    const key = this.defKeys.get(schema);
    if (key !== undefined) this.defs[key] = converted;
    return converted;
  }

  private convertObject(source: SchemaObject): JsonSchema {
    const out: SchemaObject = {};
    for (const [keyword, value] of Object.entries(source)) {
      if (DROPPED.has(keyword)) continue;
      if (SCHEMA_MAPS.has(keyword) && isObject(value)) out[keyword === 'definitions' ? '$defs' : keyword] = this.convertMap(value);
      else if (SCHEMA_VALUES.has(keyword)) out[keyword] = this.convert(value);
      else if (SCHEMA_LISTS.has(keyword) && Array.isArray(value)) out[keyword] = value.map((item) => this.convert(item));
      else if (keyword === 'items') {
        // Tuple-style `items: [...]` is `prefixItems` in 2020-12.
        if (Array.isArray(value)) out.prefixItems = value.map((item) => this.convert(item));
        else out.items = this.convert(value);
      } else if (this.acyclic(value)) out[keyword] = value;
      else this.onCircularValue(keyword);
    }
    if (source.type === 'file') {
      out.type = 'string';
      out.format = 'binary';
    }
    // 2020-12 `examples` is an array; a sloppy non-array one would fail Ajv's meta-schema.
    if (!Array.isArray(out.examples)) delete out.examples;
    if ('example' in source && out.examples === undefined) {
      if (this.acyclic(source.example)) out.examples = [source.example];
      else this.onCircularValue('example');
    }
    // Sloppy `required: true` on a property schema (a Swagger parameter habit) is not a JSON Schema keyword.
    if (!Array.isArray(out.required)) delete out.required;
    if (this.legacy) convertExclusiveBounds(source, out);
    const nullable = source.nullable === true || source['x-nullable'] === true;
    return nullable ? makeNullable(out) : out;
  }

  /** Whether a data value is free of cycles; each checked object is remembered, so shared data costs once. */
  private acyclic(value: unknown, path = new Set<object>()): boolean {
    if (value === null || typeof value !== 'object' || this.acyclicData.has(value)) return true;
    if (path.has(value)) return false;
    path.add(value);
    for (const child of Object.values(value)) if (!this.acyclic(child, path)) return false;
    path.delete(value);
    this.acyclicData.add(value);
    return true;
  }

  private convertMap(map: SchemaObject): SchemaObject {
    const out: SchemaObject = {};
    for (const [name, schema] of Object.entries(map)) out[name] = this.convert(schema);
    return out;
  }

  private defKey(schema: object): string {
    const existing = this.defKeys.get(schema);
    if (existing !== undefined) return existing;
    const base = (this.refNames.get(schema) ?? (schema as SchemaObject).title ?? 'Schema').toString().replace(/[^A-Za-z0-9_.-]/g, '_') || 'Schema';
    let key = base;
    for (let n = 2; this.usedKeys.has(key); n++) key = `${base}_${n}`;
    this.usedKeys.add(key);
    this.defKeys.set(schema, key);
    return key;
  }
}

/** Draft-4 style `exclusiveMinimum: true` + `minimum: n` → 2020-12 `exclusiveMinimum: n`. */
function convertExclusiveBounds(source: SchemaObject, out: SchemaObject): void {
  for (const [exclusive, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    const flag = source[exclusive];
    if (typeof flag !== 'boolean') continue;
    delete out[exclusive];
    if (flag && typeof source[bound] === 'number') {
      out[exclusive] = source[bound];
      delete out[bound];
    }
  }
}

/** OAS 3.0 `nullable: true` / Swagger `x-nullable`: null joins the type (and enum), or wraps compositions. */
function makeNullable(schema: SchemaObject): JsonSchema {
  const type = schema.type;
  if (typeof type === 'string' || Array.isArray(type)) {
    const types = Array.isArray(type) ? type : [type];
    const out: SchemaObject = { ...schema, type: types.includes('null') ? types : [...types, 'null'] };
    if (Array.isArray(schema.enum) && !schema.enum.includes(null)) out.enum = [...schema.enum, null];
    return out;
  }
  const composed = ['allOf', 'anyOf', 'oneOf', 'enum', 'const', 'not'].some((keyword) => keyword in schema);
  // Without a type or a composition the schema already accepts null.
  return composed ? { anyOf: [schema, { type: 'null' }] } : schema;
}

function isObject(value: unknown): value is SchemaObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
