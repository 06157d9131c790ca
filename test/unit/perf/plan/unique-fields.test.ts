import { describe, expect, it } from 'vitest';
import { UNIQUE_MAX_LENGTH, UNIQUE_MIN_LENGTH, uniqueKeyKind, withUniqueValues } from '../../../../src/perf/plan/unique-fields.js';
import { createUniqueValues } from '../../../../src/execution/load/unique-value.js';
import type { ApiModel } from '../../../../src/spec/model.js';

const model = { schemaDefs: {}, operations: [] } as unknown as ApiModel;
const marker = '__SENTINEL_unique__';

describe('uniqueKeyKind', () => {
  it.each([
    ['email', 'email'],
    ['Email', 'email'],
    ['contact_email', 'email'],
    ['emailAddress', 'email'],
    ['mail', 'email'],
    ['username', 'identifier'],
    ['user_name', 'identifier'],
    ['userName', 'identifier'],
    ['UserName', 'identifier'],
    ['login', 'identifier'],
    ['handle', 'identifier'],
    ['slug', 'identifier'],
    ['SKU', 'identifier'],
    ['product_sku', 'identifier'],
    ['couponCode', 'identifier'],
    ['api-key', 'identifier'],
    ['name', 'text'],
    ['displayName', 'text'],
    ['title', 'text'],
    ['description', undefined],
    ['monkey', undefined],
    ['price', undefined],
    ['id', undefined],
  ])('%s: %s', (name, kind) => {
    expect(uniqueKeyKind(name)).toBe(kind);
  });
});

describe('withUniqueValues', () => {
  const run = (properties: Record<string, unknown>, value: Record<string, unknown>) => withUniqueValues(model, { type: 'object', properties }, value);

  it('puts the marker in likely unique string keys, in the form each kind suits', () => {
    const { value, changed } = run(
      { email: { type: 'string', format: 'email' }, username: { type: 'string' }, title: { type: 'string', maxLength: 20 }, note: { type: 'string' }, age: { type: 'integer' } },
      { email: 'a@b.io', username: 'bob', title: 'A rather long title of a book', note: 'x', age: 3 },
    );
    expect(value).toEqual({ email: `u${marker}@example.com`, username: marker, title: `A rat-${marker}`, note: 'x', age: 3 });
    expect(changed).toEqual(['/email', '/username', '/title']);
  });

  it('leaves a property the schema pins or shapes, or where the value cannot fit', () => {
    const { value, changed } = run(
      {
        code: { type: 'string', enum: ['A', 'B'] },
        sku: { type: 'string', pattern: '^[A-Z]{3}$' },
        key: { const: 'k' },
        slug: { type: 'string', format: 'uuid' },
        name: { type: 'string', maxLength: UNIQUE_MAX_LENGTH - 1 },
        email: { type: 'string', maxLength: 20 },
        login: { type: 'integer' },
        title: { type: 'string', minLength: 40, maxLength: 45 },
      },
      { code: 'A', sku: 'ABC', key: 'k', slug: '3b1f...', name: 'n', email: 'a@b.c', login: 4, title: 'x'.repeat(40) },
    );
    expect(changed).toEqual([]);
    expect(value).toEqual({ code: 'A', sku: 'ABC', key: 'k', slug: '3b1f...', name: 'n', email: 'a@b.c', login: 4, title: 'x'.repeat(40) });
  });

  it('pads an identifier to its minLength and keeps a name alone when there is no room for a prefix', () => {
    const { value } = run({ handle: { type: 'string', minLength: 10 }, name: { type: 'string', maxLength: UNIQUE_MAX_LENGTH } }, { handle: 'hhhhhhhhhh', name: 'anything' });
    expect(value).toEqual({ handle: `xxx${marker}`, name: marker });
    expect('xxx'.length + UNIQUE_MIN_LENGTH).toBe(10);
  });

  it('reaches nested objects, arrays of objects and allOf/oneOf members, never a value already holding a marker', () => {
    const owner = { type: 'object', properties: { email: { type: 'string' }, id: { type: 'string' } } };
    const { value, changed } = withUniqueValues(
      model,
      {
        allOf: [{ type: 'object', properties: { owner } }, { type: 'object', properties: { tags: { type: 'array', items: { oneOf: [{ type: 'object', properties: { slug: { type: 'string' } } }] } } } }],
        properties: { name: { type: 'string' } },
      },
      { owner: { email: 'x@y.z', id: '__SENTINEL_userId__' }, tags: [{ slug: 'a' }, { slug: 'b' }], name: '__SENTINEL_itemId__' },
    );
    expect(value).toEqual({ owner: { email: `u${marker}@example.com`, id: '__SENTINEL_userId__' }, tags: [{ slug: marker }, { slug: marker }], name: '__SENTINEL_itemId__' });
    expect(changed).toEqual(['/owner/email', '/tags/0/slug', '/tags/1/slug']);
  });

  it('bounds the length of drawn values as the planner assumes', () => {
    // Thread ids up to 36^2 - 1 and counters up to 36^6 - 1 (two billion iterations of one worker).
    const short = createUniqueValues(0, 'abcd')();
    expect(short.length).toBe(UNIQUE_MIN_LENGTH);
    const draw = createUniqueValues(36 * 36 - 1, 'abcd');
    expect(draw().length).toBeLessThanOrEqual(UNIQUE_MAX_LENGTH);
    expect('abcd'.length + 3 + (36 ** 6 - 1).toString(36).length).toBe(UNIQUE_MAX_LENGTH - 1);
  });
});
