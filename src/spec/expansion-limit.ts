// Refusing descriptions whose `$ref`s unfold into more work than any real API needs (see expansion.ts).
// GitHub's 13 MB description, the largest we know, unfolds to 2 M nodes, 29 levels deep, and its largest
// schema to 4,208 subschemas (121,000 over all operations): the limits leave an order of magnitude.
import { SpecError } from '../core/errors.js';
import { measureExpansion } from './expansion.js';
import type { ApiModel, JsonSchema } from './model.js';
import { forEachSubschema } from './schema-walk.js';

/** Nodes the resolved document may unfold to (what resolving and normalizing visit, counted). */
export const MAX_UNFOLDED_NODES = 32_000_000;
/** Subschemas one schema (a body, a response, a parameter) may unfold to: what one generated value or lint pass walks. */
export const MAX_SCHEMA_NODES = 50_000;
/** Subschemas all of a model's schemas may unfold to together. */
export const MAX_MODEL_SCHEMA_NODES = 2_000_000;

const FAN_OUT_HINT = 'do schemas refer to the same schema several times at each level?';

/** Checked on the resolved document, before normalizing walks it. */
export function checkUnfolded(root: unknown, file: string, maxDepth: number): void {
  const { nodes, depth } = measureExpansion(root, MAX_UNFOLDED_NODES);
  if (depth > maxDepth) throw new SpecError(file, `nesting deeper than ${maxDepth} levels once $refs are followed (a $ref chain ${depth} levels deep?)`);
  if (nodes > MAX_UNFOLDED_NODES) {
    throw new SpecError(file, `$refs unfold to over ${MAX_UNFOLDED_NODES.toLocaleString('en')} nodes, the limit (${FAN_OUT_HINT})`);
  }
}

/** Checked on the model: each schema, and all of them, unfolded as data generation and the linter walk them. */
export function checkSchemaSizes(model: ApiModel, file: string): void {
  const memo = new Map<object, number>();
  let total = 0;
  for (const { where, schema } of schemaRoots(model)) {
    const size = unfoldedSchemas(schema, memo);
    if (size > MAX_SCHEMA_NODES) {
      throw new SpecError(file, `${where}: the schema unfolds to over ${MAX_SCHEMA_NODES.toLocaleString('en')} subschemas through its $refs, the limit (${FAN_OUT_HINT})`);
    }
    total += size;
    if (total > MAX_MODEL_SCHEMA_NODES) {
      throw new SpecError(file, `the schemas unfold to over ${MAX_MODEL_SCHEMA_NODES.toLocaleString('en')} subschemas together through their $refs, the limit (${FAN_OUT_HINT})`);
    }
  }
}

function* schemaRoots(model: ApiModel): Generator<{ where: string; schema: JsonSchema }> {
  for (const operation of model.operations) {
    for (const parameter of operation.parameters) yield { where: `${operation.key} parameter ${parameter.name}`, schema: parameter.schema };
    for (const content of operation.requestBody?.content ?? []) yield { where: `${operation.key} request body ${content.mediaType}`, schema: content.schema };
    for (const response of operation.responses) {
      for (const [name, header] of Object.entries(response.headers)) yield { where: `${operation.key} response ${response.status} header ${name}`, schema: header.schema };
      for (const content of response.content) yield { where: `${operation.key} response ${response.status} ${content.mediaType}`, schema: content.schema };
    }
  }
}

/** Converted schemas are acyclic (recursion is a `$ref` string) and no deeper than the depth limit. */
function unfoldedSchemas(schema: JsonSchema, memo: Map<object, number>): number {
  if (typeof schema === 'boolean') return 1;
  const known = memo.get(schema);
  if (known !== undefined) return known;
  let size = 1;
  forEachSubschema(schema, (sub) => {
    size = Math.min(MAX_SCHEMA_NODES * 2, size + unfoldedSchemas(sub, memo));
  });
  memo.set(schema, size);
  return size;
}
