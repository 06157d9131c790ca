// Boundary and invalid values: each probe is rejected (or accepted) by the schema validator exactly for
// the constraint it names, one constraint at a time.
import { describe, expect, it } from 'vitest';
import { createValueGenerator, type Probe } from '../../../../src/agents/data/values.js';
import { createSchemaValidator } from '../../../../src/spec/validator.js';
import type { JsonSchema } from '../../../../src/spec/model.js';
import { modelWith } from './fixtures.js';

const model = modelWith();
const validator = createSchemaValidator(model);

/** Schema → the constraints its invalid probes must cover (each alone). */
const INVALID_TABLE: [string, JsonSchema, string[]][] = [
  ['string lengths', { type: 'string', minLength: 2, maxLength: 5 }, ['type', 'minLength', 'maxLength']],
  ['pattern', { type: 'string', pattern: '^[a-z]+$' }, ['type', 'pattern']],
  ['format date', { type: 'string', format: 'date' }, ['type', 'format']],
  ['format email', { type: 'string', format: 'email' }, ['format']],
  ['format uuid', { type: 'string', format: 'uuid' }, ['format']],
  ['format ipv4', { type: 'string', format: 'ipv4' }, ['format']],
  ['format int32', { type: 'integer', format: 'int32' }, ['type', 'format']],
  ['enum', { type: 'string', enum: ['a', 'b'] }, ['type', 'enum']],
  ['numeric enum', { type: 'integer', enum: [1, 2, 3] }, ['enum']],
  ['const', { const: 'x' }, ['const']],
  ['integer range', { type: 'integer', minimum: 1, maximum: 10 }, ['type', 'minimum', 'maximum']],
  ['exclusive range', { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 100 }, ['exclusiveMinimum', 'exclusiveMaximum']],
  ['multipleOf', { type: 'integer', multipleOf: 10 }, ['multipleOf']],
  ['decimal multipleOf', { type: 'number', multipleOf: 0.5 }, ['multipleOf']],
  ['array sizes', { type: 'array', items: { type: 'integer' }, minItems: 1, maxItems: 3 }, ['type', 'minItems', 'maxItems']],
  ['uniqueItems', { type: 'array', items: { type: 'integer' }, uniqueItems: true, minItems: 1 }, ['uniqueItems']],
  [
    'object',
    { type: 'object', required: ['id', 'name'], additionalProperties: false, properties: { id: { type: 'integer', minimum: 1 }, name: { type: 'string', maxLength: 10 } } },
    ['type', 'required', 'additionalProperties', 'minimum', 'maxLength'],
  ],
  ['minProperties', { type: 'object', minProperties: 1 }, ['minProperties']],
];

function keywords(schema: JsonSchema, value: unknown): string[] {
  return [...new Set(validator.validate(schema, value).errors.map((e) => e.keyword))];
}

describe('invalid values: one violated constraint each', () => {
  it.each(INVALID_TABLE)('%s', (_name, schema, expected) => {
    const probes = createValueGenerator(model, 3).invalid(schema);
    for (const probe of probes) {
      expect(probe.expectation).toBe('reject');
      // A value of the wrong type is necessarily outside an enum too: the one case of two keywords.
      const alsoEnum = probe.constraint === 'type' && typeof schema === 'object' && Array.isArray(schema.enum);
      expect(keywords(schema, probe.value), `${probe.pointer} ${probe.constraint}`).toEqual(alsoEnum ? ['type', 'enum'] : [probe.constraint]);
    }
    expect([...new Set(probes.map((p) => p.constraint))]).toEqual(expect.arrayContaining(expected));
  });

  it('points into the body at the changed property', () => {
    const schema = INVALID_TABLE.find(([name]) => name === 'object')![1];
    const probes = createValueGenerator(model, 3).invalid(schema);
    const byConstraint = (c: string) => probes.filter((p) => p.constraint === c).map((p) => p.pointer);
    expect(byConstraint('required').sort()).toEqual(['/id', '/name']);
    expect(byConstraint('minimum')).toEqual(['/id']);
    expect(byConstraint('additionalProperties')).toEqual(['/sentinel_unknown_property']);
  });

  it('parameters travel as text: no wrong type for a string, a non-numeric text for a number', () => {
    const generator = createValueGenerator(model, 3);
    expect(generator.invalid({ type: 'string' }, { location: 'query' })).toEqual([]);
    const typed = generator.invalid({ type: 'integer' }, { location: 'query' });
    expect(typed.map((p) => [p.constraint, p.value])).toEqual([['type', 'not-a-number']]);
  });
});

/** Schema → [constraint, expectation, value] of every boundary probe. */
const BOUNDARY_TABLE: [string, JsonSchema, [string, Probe['expectation'], unknown][]][] = [
  [
    'integer range',
    { type: 'integer', minimum: 1, maximum: 10 },
    [['minimum', 'accept', 1], ['minimum', 'reject', 0], ['maximum', 'accept', 10], ['maximum', 'reject', 11]],
  ],
  [
    'exclusive range',
    { type: 'integer', exclusiveMinimum: 0, exclusiveMaximum: 5 },
    [['exclusiveMinimum', 'reject', 0], ['exclusiveMinimum', 'accept', 1], ['exclusiveMaximum', 'reject', 5], ['exclusiveMaximum', 'accept', 4]],
  ],
  [
    'range with multipleOf',
    { type: 'integer', minimum: 0, maximum: 100, multipleOf: 5 },
    [['minimum', 'accept', 0], ['minimum', 'reject', -5], ['maximum', 'accept', 100], ['maximum', 'reject', 105]],
  ],
  ['int32', { type: 'integer', format: 'int32' }, [['format', 'accept', 2 ** 31 - 1], ['format', 'reject', 2 ** 31], ['format', 'accept', -(2 ** 31)], ['format', 'reject', -(2 ** 31) - 1]]],
];

describe('boundary values: exactly on the edge and one past it', () => {
  it.each(BOUNDARY_TABLE)('%s', (_name, schema, expected) => {
    const probes = createValueGenerator(model, 4).boundaries(schema);
    expect(probes.map((p) => [p.constraint, p.expectation, p.value])).toEqual(expected);
    for (const probe of probes) {
      const found = keywords(schema, probe.value);
      expect(found).toEqual(probe.expectation === 'accept' ? [] : [probe.constraint]);
    }
  });

  const lengths: [string, JsonSchema, [string, Probe['expectation'], number][]][] = [
    ['string lengths', { type: 'string', minLength: 3, maxLength: 6 }, [['minLength', 'accept', 3], ['minLength', 'reject', 2], ['maxLength', 'accept', 6], ['maxLength', 'reject', 7]]],
    ['array sizes', { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 4 }, [['minItems', 'accept', 2], ['minItems', 'reject', 1], ['maxItems', 'accept', 4], ['maxItems', 'reject', 5]]],
  ];
  it.each(lengths)('%s', (_name, schema, expected) => {
    const probes = createValueGenerator(model, 4).boundaries(schema);
    expect(probes.map((p) => [p.constraint, p.expectation, (p.value as string | unknown[]).length])).toEqual(expected);
    for (const probe of probes) expect(keywords(schema, probe.value)).toEqual(probe.expectation === 'accept' ? [] : [probe.constraint]);
  });

  it('probes nested properties of a body, leaving the rest valid', () => {
    const schema = { type: 'object', required: ['item'], properties: { item: { type: 'object', required: ['qty'], properties: { qty: { type: 'integer', minimum: 1, maximum: 9 } } } } };
    const probes = createValueGenerator(model, 4).boundaries(schema);
    expect(probes.map((p) => [p.pointer, p.constraint, p.expectation])).toEqual([
      ['/item/qty', 'minimum', 'accept'],
      ['/item/qty', 'minimum', 'reject'],
      ['/item/qty', 'maximum', 'accept'],
      ['/item/qty', 'maximum', 'reject'],
    ]);
  });

  it('never empties a path parameter', () => {
    const probes = createValueGenerator(model, 4).boundaries({ type: 'string', minLength: 0, maxLength: 3 }, { location: 'path' });
    expect(probes.some((p) => p.value === '')).toBe(false);
  });
});
