// Functional-Positive: examples first, every optional part and enum value covered, every request valid.
import { describe, expect, it } from 'vitest';
import { positiveAgent } from '../../../src/agents/positive.js';
import { loadSpec } from '../../../src/spec/load.js';
import { CONTEXT, CREATE_PET, invalidParts, LIST_PETS, OPERATIONS, petModel } from './fixtures.js';
import { githubRestSpec } from '../../support/real-specs.js';

describe('positive agent', () => {
  const model = petModel();
  const output = positiveAgent.plan(model, OPERATIONS, CONTEXT);
  const casesOf = (key: string) => output.cases.filter((c) => c.operation === key);

  it('plans every operation, all cases expecting acceptance, with no notes', () => {
    expect(new Set(output.cases.map((c) => c.operation))).toEqual(new Set(OPERATIONS.map((op) => op.key)));
    expect(output.cases.every((c) => c.agent === 'positive' && c.expectation === 'accept')).toBe(true);
    expect(output.notes).toEqual([]);
  });

  it('sends only valid values', () => {
    for (const testCase of output.cases) expect(invalidParts(model, testCase), testCase.id).toEqual([]);
  });

  it('starts with the spec examples and required parts only', () => {
    const [first] = casesOf(LIST_PETS.key);
    expect(first!.request.query).toEqual({ limit: 25 });
    expect(Object.keys(first!.request.headers)).toEqual(['X-Request-Tag']);
    expect(casesOf(CREATE_PET.key)[0]!.request.body).toEqual({ mediaType: 'application/json', value: { name: 'Rex', kind: 'dog' } });
  });

  it('covers every optional parameter and property and every enum value', () => {
    const list = casesOf(LIST_PETS.key);
    expect(list.some((c) => c.request.query.sort !== undefined && c.request.cookies.session !== undefined)).toBe(true);
    expect(new Set(list.map((c) => c.request.query.sort).filter(Boolean))).toEqual(new Set(['name', 'age', 'created']));
    const bodies = casesOf(CREATE_PET.key).map((c) => c.request.body!.value as Record<string, unknown>);
    for (const property of ['age', 'owner', 'tags']) expect(bodies.some((b) => property in b), property).toBe(true);
    expect(new Set(bodies.map((b) => b.kind))).toEqual(new Set(['dog', 'cat', 'bird', 'fish']));
  });

  it('never sends readOnly properties', () => {
    for (const testCase of casesOf(CREATE_PET.key)) expect(testCase.request.body!.value).not.toHaveProperty('id');
  });

  it('stays within maxExamples per operation', () => {
    const small = positiveAgent.plan(model, OPERATIONS, { ...CONTEXT, maxExamples: 2 });
    for (const operation of OPERATIONS) expect(small.cases.filter((c) => c.operation === operation.key).length).toBeLessThanOrEqual(2);
  });

  it('gives unique ids, stable for a seed', () => {
    const ids = output.cases.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(positiveAgent.plan(model, OPERATIONS, CONTEXT)).toEqual(output);
    const other = positiveAgent.plan(model, OPERATIONS, { ...CONTEXT, seed: 43 });
    expect(other.cases.map((c) => c.id)).toEqual(ids);
    expect(JSON.stringify(other.cases)).not.toEqual(JSON.stringify(output.cases));
  });

  it("one operation's values do not depend on which other operations are planned", () => {
    const alone = positiveAgent.plan(model, [CREATE_PET], CONTEXT);
    expect(alone.cases).toEqual(casesOf(CREATE_PET.key));
  });
});

describe('positive agent over GitHub', () => {
  it('plans every one of its operations, each case valid', async () => {
    const model = await loadSpec(githubRestSpec());
    const output = positiveAgent.plan(model, model.operations, { seed: 7, maxExamples: 2, identities: [] });
    expect(output.notes).toEqual([]);
    expect(new Set(output.cases.map((c) => c.operation)).size).toBe(model.operations.length);
    const sample = output.cases.filter((_, index) => index % 25 === 0);
    for (const testCase of sample) expect(invalidParts(model, testCase), testCase.id).toEqual([]);
  }, 120_000);
});
