// Valid generation: every keyword and format of the table yields values the schema validator accepts.
import { describe, expect, it } from 'vitest';
import { createValueGenerator } from '../../../../src/agents/data/values.js';
import { createSchemaValidator } from '../../../../src/spec/validator.js';
import { requestView } from '../../../../src/agents/data/request-view.js';
import { DEFS, modelWith, TRICKY_SCHEMAS } from './fixtures.js';

const model = modelWith(DEFS);
const validator = createSchemaValidator(model);

describe('valid values, per keyword and format', () => {
  it.each(TRICKY_SCHEMAS)('%s: 20 seeds, every value valid', (_name, schema) => {
    for (let seed = 0; seed < 20; seed++) {
      const generator = createValueGenerator(model, seed);
      for (const optional of ['none', 'some', 'all'] as const) {
        const value = generator.valid(schema, { optional });
        expect(value).not.toBeUndefined();
        expect(validator.validate(requestView(schema), value).errors).toEqual([]);
      }
    }
  });
});

describe('what the values look like', () => {
  const generator = createValueGenerator(model, 11);
  const cases: [string, object, RegExp][] = [
    ['date', { type: 'string', format: 'date' }, /^\d{4}-\d{2}-\d{2}$/],
    ['date-time', { type: 'string', format: 'date-time' }, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/],
    ['time', { type: 'string', format: 'time' }, /^\d{2}:\d{2}:\d{2}Z$/],
    ['email', { type: 'string', format: 'email' }, /^[^@\s]+@[^@\s]+\.[a-z]+$/],
    ['uuid', { type: 'string', format: 'uuid' }, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/],
    ['ipv4', { type: 'string', format: 'ipv4' }, /^\d+\.\d+\.\d+\.\d+$/],
    ['byte', { type: 'string', format: 'byte' }, /^[A-Za-z0-9+/]+=*$/],
    ['pattern', { type: 'string', pattern: '^[A-Z]{2}-\\d{3}$' }, /^[A-Z]{2}-\d{3}$/],
  ];
  it.each(cases)('%s', (_name, schema, shape) => {
    expect(String(generator.valid(schema))).toMatch(shape);
  });

  it('picks realistic values by field name', () => {
    const byName = (name: string) => String(generator.valid({ type: 'string' }, { name }));
    expect(byName('email')).toMatch(/@/);
    expect(byName('contact_email')).toMatch(/@/);
    expect(byName('website')).toMatch(/^https?:\/\//);
    expect(byName('firstName')).toMatch(/^[A-Z]/);
    expect(byName('phone')).toMatch(/^\+\d+/);
    expect(byName('currency')).toMatch(/^[A-Z]{3}$/);
  });

  it('money fields get amounts with cents, within the bounds', () => {
    const value = generator.valid({ type: 'number', minimum: 0, maximum: 100 }, { name: 'price' }) as number;
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBeLessThanOrEqual(100);
    expect(Math.round(value * 100)).toBeCloseTo(value * 100, 6);
  });

  it('free text comes in several scripts, non-ASCII included', () => {
    const texts = Array.from({ length: 40 }, (_, seed) => String(createValueGenerator(model, seed).valid({ type: 'string' }, { name: 'description' })));
    expect(texts.some((text) => /^[\x20-\x7e]+$/.test(text))).toBe(true);
    expect(texts.some((text) => /[^\x00-\x7f]/.test(text))).toBe(true);
  });

  it('header values stay ASCII', () => {
    for (let seed = 0; seed < 30; seed++) {
      const value = String(createValueGenerator(model, seed).valid({ type: 'string' }, { name: 'description', location: 'header' }));
      expect(value).toMatch(/^[\x20-\x7e]*$/);
    }
  });

  it('never sends readOnly properties, always sends writeOnly ones when asked for all', () => {
    const schema = {
      type: 'object',
      required: ['id'],
      properties: { id: { type: 'integer', readOnly: true }, secret: { type: 'string', writeOnly: true }, name: { type: 'string', readOnly: true } },
    };
    for (let seed = 0; seed < 10; seed++) {
      const value = createValueGenerator(model, seed).valid(schema, { optional: 'all' }) as Record<string, unknown>;
      expect(Object.keys(value)).toEqual(['secret']);
    }
  });

  it('drops readOnly properties from spec examples', () => {
    const schema = { type: 'object', properties: { id: { type: 'integer', readOnly: true }, name: { type: 'string' }, tags: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer', readOnly: true }, label: { type: 'string' } } } } } };
    const example = { id: 7, name: 'Rex', tags: [{ id: 1, label: 'good' }] };
    expect(generator.valid(schema, { examples: [example] })).toEqual({ name: 'Rex', tags: [{ label: 'good' }] });
  });

  it('uses spec examples first, and only valid ones', () => {
    const schema = { type: 'integer', minimum: 1 };
    expect(generator.valid(schema, { examples: [0, 42] })).toBe(42);
    expect(generator.valid({ type: 'string', examples: ['from-the-schema'] })).toBe('from-the-schema');
  });

  it('covers every enum value through variants', () => {
    const schema = { enum: ['a', 'b', 'c'] };
    const seen = [0, 1, 2].map((variant) => generator.valid(schema, { variant }));
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('stops recursion at a depth bound', () => {
    const value = generator.valid({ $ref: 'urn:sentinel:defs#/$defs/Node' }, { optional: 'all' });
    expect(JSON.stringify(value).length).toBeLessThan(5000);
  });

  it('hands out nothing (and counts it) when no valid value exists', () => {
    const fresh = createValueGenerator(model, 1);
    expect(fresh.valid({ allOf: [{ type: 'string' }, { type: 'integer' }] })).toBeUndefined();
    expect(fresh.valid(false)).toBeUndefined();
    expect(fresh.stats().dropped).toBe(2);
    expect(fresh.stats().valid).toBe(0);
  });
});

describe('determinism', () => {
  const schema = TRICKY_SCHEMAS.find(([name]) => name === 'deep nesting')![1];
  const object = { type: 'object', properties: { name: { type: 'string' }, email: { type: 'string', format: 'email' }, bio: { type: 'string' }, age: { type: 'integer' } } };
  const draw = (seed: number) => {
    const generator = createValueGenerator(model, seed);
    return [generator.valid(schema), generator.valid(object), generator.valid(object, { optional: 'all' }), generator.invalid(object), generator.boundaries({ type: 'string', maxLength: 4 })];
  };
  it('the same seed gives the same values', () => {
    expect(draw(5)).toEqual(draw(5));
  });
  it('another seed gives other values', () => {
    expect(JSON.stringify(draw(5))).not.toEqual(JSON.stringify(draw(6)));
  });
});
