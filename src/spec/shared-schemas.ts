// Ajv compiles a schema into one function with every subschema inlined, and recompiles a `$ref` target
// for each schema that refers to it unless that target is a schema registered under its own id. The
// model's schemas share objects (a component used by hundreds of operations), so this gives the validator
// a view of each schema where shared compound subschemas, and the model's recursive `schemaDefs`, are
// `$ref`s to schemas registered once each: Ajv then compiles each of them once.
import { SCHEMA_DEFS_ID, type JsonSchema } from './model.js';
import { forEachSubschema, mapSubschemas } from './schema-walk.js';

const SHARED_PREFIX = 'urn:sentinel:validator-shared:';
const DEF_PREFIX = 'urn:sentinel:validator-def:';
const MODEL_DEF_REF = `${SCHEMA_DEFS_ID}#/$defs/`;

type SchemaObject = Record<string, unknown>;

const COMPOUND = ['properties', 'items', 'allOf', 'anyOf', 'oneOf', 'additionalProperties', 'prefixItems', 'patternProperties'];

export class SharedSchemas {
  private readonly uses = new Map<object, number>();
  private readonly keys = new Map<object, string>();
  private readonly views = new WeakMap<object, JsonSchema>();

  constructor(roots: Iterable<JsonSchema>) {
    for (const root of roots) this.count(root);
    for (const [schema, uses] of this.uses) {
      if (uses >= 2 && COMPOUND.some((keyword) => keyword in schema)) this.keys.set(schema, `${SHARED_PREFIX}s${this.keys.size}`);
    }
  }

  /** Schemas to register with Ajv (each carries its `$id`): the shared ones and the model's defs. */
  registrations(schemaDefs: Record<string, JsonSchema>): SchemaObject[] {
    const out: SchemaObject[] = [];
    for (const [schema, id] of this.keys) out.push({ ...(this.rewrite(schema as SchemaObject) as SchemaObject), $id: id });
    for (const [key, schema] of Object.entries(schemaDefs)) {
      const view = this.view(schema);
      out.push(typeof view === 'boolean' ? { $id: `${DEF_PREFIX}${key}`, ...(view ? {} : { not: {} }) } : { ...view, $id: `${DEF_PREFIX}${key}` });
    }
    return out;
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
    const out = mapSubschemas(schema, (sub) => {
      if (typeof sub === 'boolean') return sub;
      const id = this.keys.get(sub);
      return id === undefined ? this.view(sub) : { $ref: id };
    });
    // A fragment of the defs container would be recompiled per schema; its own registration is not.
    if (typeof out.$ref === 'string' && out.$ref.startsWith(MODEL_DEF_REF)) out.$ref = `${DEF_PREFIX}${out.$ref.slice(MODEL_DEF_REF.length)}`;
    return out;
  }
}
