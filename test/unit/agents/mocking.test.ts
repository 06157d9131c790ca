// Data-Mocking: n realistic, valid request datasets per operation, the same for the same seed.
import { describe, expect, it } from 'vitest';
import { mockingAgent, mockOperation } from '../../../src/agents/mocking.js';
import { CONTEXT, CREATE_PET, invalidParts, LIST_PETS, OPERATIONS, petModel } from './fixtures.js';

const model = petModel();

describe('mockOperation', () => {
  it('gives n valid datasets', () => {
    const { requests, missing } = mockOperation(model, CREATE_PET, 25, 9);
    expect(missing).toEqual([]);
    expect(requests).toHaveLength(25);
    for (const request of requests) {
      expect(invalidParts(model, { id: 'x', agent: 'mocking', operation: CREATE_PET.key, title: '', expectation: 'accept', request })).toEqual([]);
    }
  });

  it('uses the spec example first, then realistic generated values', () => {
    const { requests } = mockOperation(model, CREATE_PET, 10, 9);
    expect(requests[0]!.body!.value).toEqual({ name: 'Rex', kind: 'dog' });
    const emails = requests.map((r) => (r.body!.value as { owner?: { email?: string } }).owner?.email).filter(Boolean);
    expect(emails.length).toBeGreaterThan(0);
    for (const email of emails) expect(email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
    expect(new Set(requests.map((r) => JSON.stringify(r.body!.value))).size).toBe(10);
  });

  it('is deterministic by seed', () => {
    expect(mockOperation(model, LIST_PETS, 5, 1)).toEqual(mockOperation(model, LIST_PETS, 5, 1));
    expect(mockOperation(model, LIST_PETS, 5, 1)).not.toEqual(mockOperation(model, LIST_PETS, 5, 2));
  });

  it('says which required part has no valid value instead of handing out an invalid one', () => {
    const impossible = { ...LIST_PETS, parameters: [{ ...LIST_PETS.parameters[0]!, required: true, examples: [], schema: { type: 'integer', minimum: 5, maximum: 1 } }] };
    expect(mockOperation(model, impossible, 3, 1)).toEqual({ requests: [], missing: ['query parameter "limit"'] });
  });
});

describe('mocking agent', () => {
  it('plans maxExamples realistic datasets per operation, expecting acceptance', () => {
    const output = mockingAgent.plan(model, OPERATIONS, { ...CONTEXT, maxExamples: 3 });
    expect(output.cases).toHaveLength(OPERATIONS.length * 3);
    expect(output.cases.every((c) => c.agent === 'mocking' && c.expectation === 'accept')).toBe(true);
    expect(new Set(output.cases.map((c) => c.id)).size).toBe(output.cases.length);
  });
});
