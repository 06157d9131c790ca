// Ajv compiles a schema into one function with every subschema inlined. The model's schemas share
// objects (a component used by hundreds of operations), so compiling each operation's schema separately
// would compile the shared parts hundreds of times. This gives the validator a view of each schema where
// shared compound subschemas are `$ref`s into one registry, so Ajv compiles each of them once.
import type { JsonSchema } from './model.js';
import { forEachSubschema, mapSubschemas } from './schema-walk.js';

export const SHARED_SCHEMAS_ID = 'urn:sentinel:validator-shared';

type SchemaObject = Record<string, unknown>;

const COMPOUND = ['properties', 'items', 'allOf', 'anyOf', 'oneOf', 'additionalProperties', 'prefixItems', 'patternProperties'];

export class SharedSchemas {
  /** Views of the shared subschemas, registered with Ajv under `SHARED_SCHEMAS_ID`. */
  readonly defs: Record<string, JsonSchema> = {};
  private readonly uses = new Map<object, number>();
  private readonly keys = new Map<object, string>();
  private readonly views = new WeakMap<object, JsonSchema>();

  constructor(roots: Iterable<JsonSchema>) {
    for (const root of roots) this.count(root);
    for (const [schema, uses] of this.uses) {
      if (uses >= 2 && COMPOUND.some((keyword) => keyword in schema)) this.keys.set(schema, `s${this.keys.size}`);
    }
    for (const [schema, key] of this.keys) this.defs[key] = this.rewrite(schema as SchemaObject);
  }

  /** The schema as Ajv should compile it. */
  view(schema: JsonSchema): JsonSchema {
    if (typeof schema === 'boolean') return schema;
    const cached = this.views.get(schema);
    if (cached !== undefined) return cached;
    const view = this.rewrite(schema);
    this.views.set(schema, view);
    return view;
  }

  // Converted schemas are acyclic (recursion is a `$ref` string), so plain recursion ends.
  private count(schema: JsonSchema): void {
    if (typeof schema === 'boolean') return;
    const seen = this.uses.get(schema) ?? 0;
    this.uses.set(schema, seen + 1);
    if (seen === 0) forEachSubschema(schema, (sub) => this.count(sub));
  }

  private rewrite(schema: SchemaObject): JsonSchema {
    return mapSubschemas(schema, (sub) => {
      if (typeof sub === 'boolean') return sub;
      const key = this.keys.get(sub);
      return key === undefined ? this.view(sub) : { $ref: `${SHARED_SCHEMAS_ID}#/$defs/${key}` };
    });
  }
}
