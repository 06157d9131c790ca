// Functional-Negative: one violated constraint per case, verified; boundaries inside and outside;
// body probes; the unsupported_method and missing_required_header probes.
import { describe, expect, it } from 'vitest';
import { negativeAgent } from '../../../src/agents/negative/agent.js';
import { requestView } from '../../../src/agents/data/request-view.js';
import type { TestCase } from '../../../src/core/test-case.js';
import { loadSpec } from '../../../src/spec/load.js';
import { createSchemaValidator } from '../../../src/spec/validator.js';
import { CONTEXT, CREATE_PET, DELETE_PET, GET_PET, LIST_PETS, OPERATIONS, PET_SCHEMA, petModel } from './fixtures.js';
import { githubRestSpec } from '../../support/real-specs.js';

const model = petModel();
const output = negativeAgent.plan(model, OPERATIONS, CONTEXT);
const validator = createSchemaValidator(model);
const casesOf = (key: string) => output.cases.filter((c) => c.operation === key);
const mutations = (cases: TestCase[]) => cases.map((c) => c.mutation && `${c.mutation.location}:${c.mutation.target}:${c.mutation.constraint}:${c.expectation}`);

describe('negative agent: parameters', () => {
  const list = casesOf(LIST_PETS.key);

  it('violates each constraint of each parameter, and probes its boundaries', () => {
    expect(mutations(list)).toEqual(
      expect.arrayContaining([
        'query:limit:type:reject',
        'query:limit:minimum:reject',
        'query:limit:maximum:reject',
        'query:limit:minimum:accept',
        'query:limit:maximum:accept',
        'query:sort:enum:reject',
        'header:X-Request-Tag:pattern:reject',
        'cookie:session:minLength:reject',
        'cookie:session:maxLength:reject',
        'cookie:session:minLength:accept',
      ]),
    );
  });

  it('each changed parameter value is rejected (or accepted) by its schema as the case expects', () => {
    for (const testCase of list.filter((c) => c.mutation !== undefined && c.mutation.constraint !== 'required')) {
      const { location, target } = testCase.mutation!;
      const parameter = LIST_PETS.parameters.find((p) => p.in === location && p.name === target)!;
      const bucket = { query: testCase.request.query, header: testCase.request.headers, cookie: testCase.request.cookies, path: testCase.request.pathParams }[parameter.in];
      const errors = validator.validate(parameter.schema, bucket[parameter.name]).errors.map((e) => e.keyword);
      expect(errors, testCase.id).toEqual(testCase.expectation === 'accept' ? [] : [testCase.mutation!.constraint]);
    }
  });

  it('leaves everything else of the request valid', () => {
    const tagged = list.find((c) => c.mutation?.target === 'limit' && c.mutation.constraint === 'maximum' && c.expectation === 'reject')!;
    expect(tagged.request.headers['X-Request-Tag']).toMatch(/^[a-z]{3,8}$/);
    expect(['name', 'age', 'created']).toContain(tagged.request.query.sort);
  });

  it('a path parameter is never removed, a number path parameter gets non-numeric text', () => {
    const get = casesOf(GET_PET.key);
    expect(get.every((c) => c.request.pathParams.petId !== undefined || c.checks?.includes('unsupported_method'))).toBe(true);
    expect(get.find((c) => c.mutation?.constraint === 'type')?.request.pathParams.petId).toBe('not-a-number');
  });

  it('a missing required header is one probe for the missing_required_header check', () => {
    const probes = list.filter((c) => c.checks?.includes('missing_required_header'));
    expect(probes).toHaveLength(1);
    expect(probes[0]!.expectation).toBe('reject');
    expect(probes[0]!.request.headers).not.toHaveProperty('X-Request-Tag');
    expect(probes[0]!.request.query.limit).toBeDefined();
  });
});

describe('negative agent: bodies', () => {
  const create = casesOf(CREATE_PET.key);

  it('misses each required property, adds an unknown one, violates each property constraint', () => {
    expect(mutations(create)).toEqual(
      expect.arrayContaining([
        'body::type:reject',
        'body:/name:required:reject',
        'body:/kind:required:reject',
        'body:/sentinel_unknown_property:additionalProperties:reject',
        'body:/name:minLength:reject',
        'body:/name:maxLength:reject',
        'body:/kind:enum:reject',
        'body:/age:maximum:reject',
        'body:/age:maximum:accept',
        'body:/owner/email:format:reject',
        'body:/tags:maxItems:reject',
      ]),
    );
  });

  it('every body value is rejected for the named constraint (or accepted at a boundary)', () => {
    for (const testCase of create.filter((c) => c.request.body?.value !== undefined)) {
      const errors = validator.validate(requestView(PET_SCHEMA), testCase.request.body!.value).errors.map((e) => e.keyword);
      const expected = testCase.expectation === 'accept' ? [] : testCase.mutation!.constraint === 'type' && testCase.mutation!.target === '/kind' ? ['type', 'enum'] : [testCase.mutation!.constraint];
      expect([...new Set(errors)], testCase.id).toEqual(expected);
    }
  });

  it('sends malformed JSON, an empty body and an undeclared media type', () => {
    const byConstraint = (constraint: string) => create.find((c) => c.mutation?.constraint === constraint && c.mutation.target === '')!;
    const malformed = byConstraint('syntax');
    expect(malformed.request.body!.mediaType).toBe('application/json');
    expect(() => JSON.parse(malformed.request.body!.raw!)).toThrow();
    expect(byConstraint('required').request.body).toEqual({ mediaType: 'application/json', raw: '' });
    const wrongType = byConstraint('contentType');
    expect(wrongType.request.body!.mediaType).toBe('text/plain');
    expect(wrongType.expectation).toBe('reject');
  });
});

describe('negative agent: unsupported methods', () => {
  const probes = output.cases.filter((c) => c.checks?.includes('unsupported_method'));

  it('one probe per path, with a method the path does not declare, expecting nothing in particular', () => {
    expect(probes.map((c) => [c.operation, c.request.method])).toEqual([
      [LIST_PETS.key, 'patch'],
      [GET_PET.key, 'patch'],
    ]);
    expect(probes.every((c) => c.expectation === 'any')).toBe(true);
    expect(probes[1]!.request.pathParams.petId).toEqual(expect.any(Number));
  });

  it('skips a path that declares every probe method', () => {
    const methods = ['patch', 'put', 'post', 'delete', 'get'] as const;
    const busy = methods.map((method) => ({ ...DELETE_PET, method, key: `${method.toUpperCase()} ${DELETE_PET.path}` }));
    const busyModel = { ...model, operations: busy };
    const planned = negativeAgent.plan(busyModel, busy, CONTEXT);
    expect(planned.cases.filter((c) => c.checks?.includes('unsupported_method'))).toEqual([]);
  });
});

describe('negative agent: plan shape', () => {
  it('gives unique ids, stable for a seed, and honours maxExamples per changed spot', () => {
    const ids = output.cases.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(negativeAgent.plan(model, OPERATIONS, CONTEXT)).toEqual(output);
    const small = negativeAgent.plan(model, OPERATIONS, { ...CONTEXT, maxExamples: 1 });
    const perSpot = new Map<string, number>();
    for (const c of small.cases.filter((c) => c.mutation !== undefined && c.mutation.constraint !== 'required' && c.mutation.target !== '')) {
      const key = `${c.operation} ${c.mutation!.location} ${c.mutation!.target}`;
      perSpot.set(key, (perSpot.get(key) ?? 0) + 1);
    }
    expect(Math.max(...perSpot.values())).toBe(1);
  });

  it('plans every GitHub operation with no notes', async () => {
    const github = await loadSpec(githubRestSpec());
    const planned = negativeAgent.plan(github, github.operations, { seed: 3, maxExamples: 2, identities: [] });
    expect(planned.notes).toEqual([]);
    expect(planned.cases.length).toBeGreaterThan(github.operations.length);
    expect(planned.cases.filter((c) => c.checks?.includes('unsupported_method')).length).toBeGreaterThan(100);
  }, 120_000);
});
