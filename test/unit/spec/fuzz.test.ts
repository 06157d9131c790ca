// Mutated descriptions (random nodes deleted or replaced by odd values, `$ref`s to nowhere and to the root)
// either load or fail with a SpecError: never another exception. Seeded, so a failure reproduces.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SpecError } from '../../../src/core/errors.js';
import { loadSpec } from '../../../src/spec/load.js';
import { createSchemaValidator } from '../../../src/spec/validator.js';

const SOURCES = ['3.0/json/petstore.json', '2.0/json/petstore.json', '3.1/json/train-travel.json', '3.0/json/schema-circular.json'].map((path) =>
  readFileSync(`node_modules/@readme/oas-examples/${path}`, 'utf8'),
);
const ODD_VALUES = () => [null, 1, 'x', [], {}, true, { $ref: '#/nope' }, { $ref: '#' }, [1, 'a'], { type: 'file' }, { $ref: '#/paths' }];

function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

function mutate(doc: Record<string, unknown>, next: () => number): void {
  for (let mutation = 0; mutation < 3; mutation++) {
    let node: unknown = doc;
    let parent: Record<string, unknown> | undefined;
    let key = '';
    for (let depth = 0; depth < 8 && node !== null && typeof node === 'object'; depth++) {
      const keys = Object.keys(node);
      if (keys.length === 0 || (depth > 0 && next() < 0.2)) break;
      parent = node as Record<string, unknown>;
      key = keys[Math.floor(next() * keys.length)]!;
      node = parent[key];
    }
    if (!parent) continue;
    const odd = ODD_VALUES();
    if (next() < 0.3) delete parent[key];
    else parent[key] = odd[Math.floor(next() * odd.length)];
  }
}

describe('mutated descriptions', () => {
  it('load or fail with a SpecError, and their schemas can be used by the validator', async () => {
    const next = random(20261127);
    const outcomes = { loaded: 0, refused: 0 };
    for (let round = 0; round < 300; round++) {
      const doc = JSON.parse(SOURCES[round % SOURCES.length]!) as Record<string, unknown>;
      mutate(doc, next);
      try {
        const model = await loadSpec('-', { stdin: JSON.stringify(doc) });
        const validator = createSchemaValidator(model);
        for (const operation of model.operations) for (const response of operation.responses) for (const content of response.content) validator.validate(content.schema, {});
        outcomes.loaded++;
      } catch (error) {
        if (!(error instanceof SpecError)) throw new Error(`round ${round}: ${(error as Error).stack}`);
        expect(error.message).not.toContain('\n');
        outcomes.refused++;
      }
    }
    expect(outcomes.loaded).toBeGreaterThan(50);
    expect(outcomes.refused).toBeGreaterThan(50);
  }, 120_000);
});
