// The measured rate of invalid "valid" values over the corpus must be 0: every value the generator
// hands out is re-checked here with an independent validator instance. The corpus: every parameter,
// request body and recursive schema of GitHub's REST description, every schema (responses included)
// of the OpenAPI examples package, and the table of tricky schemas.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requestView } from '../../../../src/agents/data/request-view.js';
import { createValueGenerator } from '../../../../src/agents/data/values.js';
import { loadSpec } from '../../../../src/spec/load.js';
import type { ApiModel, JsonSchema } from '../../../../src/spec/model.js';
import { createSchemaValidator } from '../../../../src/spec/validator.js';
import { DEFS, modelWith, TRICKY_SCHEMAS } from './fixtures.js';
import { githubRestSpec } from '../../../support/real-specs.js';

interface Measure {
  schemas: number;
  emitted: number;
  invalid: string[];
  dropped: string[];
}

function measure(model: ApiModel, schemas: [string, JsonSchema, string | undefined][], seed: number): Measure {
  const generator = createValueGenerator(model, seed);
  const independent = createSchemaValidator(model);
  const result: Measure = { schemas: schemas.length, emitted: 0, invalid: [], dropped: [] };
  for (const [label, schema, name] of schemas) {
    for (const optional of ['all', 'none'] as const) {
      const value = generator.valid(schema, { name, optional });
      if (value === undefined) {
        result.dropped.push(label);
        continue;
      }
      result.emitted++;
      if (!independent.validate(requestView(schema), value).valid) result.invalid.push(label);
    }
  }
  return result;
}

function schemasOf(model: ApiModel, withResponses: boolean): [string, JsonSchema, string | undefined][] {
  const out: [string, JsonSchema, string | undefined][] = [];
  for (const operation of model.operations) {
    for (const parameter of operation.parameters) out.push([`${operation.key} ${parameter.in} ${parameter.name}`, parameter.schema, parameter.name]);
    for (const content of operation.requestBody?.content ?? []) out.push([`${operation.key} body ${content.mediaType}`, content.schema, undefined]);
    if (withResponses) {
      for (const response of operation.responses) for (const content of response.content) out.push([`${operation.key} ${response.status} ${content.mediaType}`, content.schema, undefined]);
    }
  }
  for (const [key, schema] of Object.entries(model.schemaDefs)) out.push([`schemaDefs ${key}`, schema, undefined]);
  return out;
}

const EXAMPLES = 'node_modules/@readme/oas-examples';
const exampleFiles = ['2.0', '3.0', '3.1'].flatMap((version) =>
  readdirSync(join(EXAMPLES, version, 'json'))
    .filter((file) => file.endsWith('.json'))
    .map((file) => join(EXAMPLES, version, 'json', file)),
);

/**
 * Schemas no value satisfies under JSON Schema rules (kept in the corpus: nothing may be handed out
 * for them): an allOf of string and integer, a oneOf of two identical branches, and readme-legacy's
 * error responses, a oneOf whose branches differ only by their `default` values.
 */
function unsatisfiable(file: string, label: string): boolean {
  if (file.endsWith('readme-legacy.json')) return / (400|401) application\/json$/.test(label);
  return [
    'PUT /anything/quirks/polymorphism body application/json',
    'PATCH /anything/quirks/polymorphism body application/json',
    'POST /potentially-undefined-formData body application/json',
  ].includes(label);
}

describe('rate of invalid "valid" values over the corpus', () => {
  it('GitHub REST description: 0 invalid, none dropped', async () => {
    const model = await loadSpec(githubRestSpec());
    const result = measure(model, schemasOf(model, false), 1);
    expect(result.schemas).toBeGreaterThan(3000);
    expect(result.invalid).toEqual([]);
    expect(result.dropped).toEqual([]);
  }, 240_000);

  it('OpenAPI examples (petstores and friends, responses included): 0 invalid', async () => {
    const totals = { emitted: 0, dropped: [] as string[], invalid: [] as string[] };
    for (const file of exampleFiles) {
      let model: ApiModel;
      try {
        model = await loadSpec(file);
      } catch {
        continue; // a deliberately broken example: the loader's tests cover it
      }
      const result = measure(model, schemasOf(model, true), 2);
      totals.emitted += result.emitted;
      totals.invalid.push(...result.invalid.map((label) => `${file}: ${label}`));
      totals.dropped.push(...result.dropped.filter((label) => !unsatisfiable(file, label)).map((label) => `${file}: ${label}`));
    }
    expect(totals.emitted).toBeGreaterThan(500);
    expect(totals.invalid).toEqual([]);
    expect(totals.dropped).toEqual([]);
  }, 240_000);

  it('tricky schemas: 0 invalid, none dropped, over 10 seeds', () => {
    const model = modelWith(DEFS);
    for (let seed = 0; seed < 10; seed++) {
      const result = measure(model, TRICKY_SCHEMAS.map(([name, schema]) => [name, schema, undefined]), seed);
      expect(result.invalid).toEqual([]);
      expect(result.dropped).toEqual([]);
    }
  });
});
