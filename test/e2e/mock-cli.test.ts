// Starts the built CLI: `sentinel mock` prints realistic, valid request datasets for one operation.
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/spec/load.js';
import { createSchemaValidator } from '../../src/spec/validator.js';
import { buildCliBeforeAll, sentinel } from '../support/cli.js';

const PETSTORE = 'node_modules/@readme/oas-examples/3.0/json/petstore.json';

buildCliBeforeAll();

// Each case starts the CLI (a second or more on a loaded machine), some several times.
describe('sentinel mock', { timeout: 120_000 }, () => {
  it('prints n valid, realistic bodies for addPet', async () => {
    const run = await sentinel(['mock', PETSTORE, 'addPet', '-n', '10', '--seed', '7']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const datasets = JSON.parse(run.stdout) as { mediaType: string; body: unknown }[];
    expect(datasets).toHaveLength(10);
    const model = await loadSpec(PETSTORE);
    const content = model.operations.find((op) => op.operationId === 'addPet')!.requestBody!.content.find((c) => c.mediaType === 'application/json')!;
    const validator = createSchemaValidator(model);
    for (const dataset of datasets) {
      expect(dataset.mediaType).toBe('application/json');
      expect(validator.validate(content.schema, dataset.body).errors).toEqual([]);
    }
    expect(new Set(datasets.map((d) => JSON.stringify(d.body))).size).toBe(10);
  });

  it('prints parameters by location', async () => {
    const run = await sentinel(['mock', PETSTORE, 'loginUser', '-n', '3', '--seed', '1']);
    expect(run.code).toBe(0);
    const datasets = JSON.parse(run.stdout) as { query: { username: string; password: string } }[];
    expect(datasets).toHaveLength(3);
    for (const dataset of datasets) expect(Object.keys(dataset.query).sort()).toEqual(['password', 'username']);
  });

  it('gives the same datasets for the same seed, and prints the seed when none is given', async () => {
    const [a, b, c] = await Promise.all([
      sentinel(['mock', PETSTORE, 'placeOrder', '-n', '4', '--seed', '99']),
      sentinel(['mock', PETSTORE, 'placeOrder', '-n', '4', '--seed', '99']),
      sentinel(['mock', PETSTORE, 'placeOrder', '-n', '4', '--seed', '100']),
    ]);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toBe(c.stdout);
    const unseeded = await sentinel(['mock', PETSTORE, 'placeOrder', '-n', '1']);
    expect(unseeded.stderr).toMatch(/^seed: \d+\n$/);
    const seed = unseeded.stderr.match(/\d+/)![0];
    expect((await sentinel(['mock', PETSTORE, 'placeOrder', '-n', '1', '--seed', seed])).stdout).toBe(unseeded.stdout);
  });

  it('accepts "METHOD /path" for an operation', async () => {
    const run = await sentinel(['mock', PETSTORE, 'GET /pet/{petId}', '-n', '2', '--seed', '3']);
    expect(run.code).toBe(0);
    for (const dataset of JSON.parse(run.stdout)) expect(dataset.path.petId).toEqual(expect.any(Number));
  });

  const usageErrors: [string, string[], RegExp][] = [
    ['an unknown operationId, naming close matches', ['mock', PETSTORE, 'addPett'], /^sentinel: mock: no operation "addPett" in .*petstore\.json; did you mean "addPet"\?\n$/],
    ['an unknown operationId without close matches', ['mock', PETSTORE, 'zzzzzzzz'], /^sentinel: mock: no operation "zzzzzzzz" in .*petstore\.json\n$/],
    ['a bad -n', ['mock', PETSTORE, 'addPet', '-n', 'ten'], /^sentinel: mock: -n must be an integer from 1 to 10000 \(got "ten"\)\n$/],
    ['a bad --seed', ['mock', PETSTORE, 'addPet', '--seed', '-1'], /--seed/],
    ['a missing spec file', ['mock', 'missing.json', 'addPet'], /^sentinel: missing\.json: cannot read file/],
  ];
  it.each(usageErrors)('exits 2 with one line on %s', async (_name, args, message) => {
    const run = await sentinel(args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
