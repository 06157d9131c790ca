// Schema conversion to JSON Schema 2020-12, per source dialect, as a table.
import { describe, expect, it } from 'vitest';
import type { Dialect, JsonSchema } from '../../../src/spec/model.js';
import { SchemaConverter } from '../../../src/spec/schema-convert.js';

const table: { name: string; dialect: Dialect; input: unknown; output: JsonSchema }[] = [
  { name: '3.0 nullable with a type', dialect: 'openapi-3.0', input: { type: 'string', nullable: true }, output: { type: ['string', 'null'] } },
  { name: '3.0 nullable enum gains null', dialect: 'openapi-3.0', input: { type: 'string', enum: ['a'], nullable: true }, output: { type: ['string', 'null'], enum: ['a', null] } },
  { name: '3.0 nullable composition', dialect: 'openapi-3.0', input: { nullable: true, oneOf: [{ type: 'integer' }] }, output: { anyOf: [{ oneOf: [{ type: 'integer' }] }, { type: 'null' }] } },
  { name: '3.0 nullable false is dropped', dialect: 'openapi-3.0', input: { type: 'integer', nullable: false }, output: { type: 'integer' } },
  { name: 'boolean exclusiveMinimum true', dialect: 'openapi-3.0', input: { type: 'number', minimum: 1, exclusiveMinimum: true }, output: { type: 'number', exclusiveMinimum: 1 } },
  { name: 'boolean exclusiveMaximum false', dialect: 'openapi-3.0', input: { type: 'number', maximum: 9, exclusiveMaximum: false }, output: { type: 'number', maximum: 9 } },
  { name: '3.1 numeric exclusiveMinimum kept', dialect: 'openapi-3.1', input: { type: 'number', exclusiveMinimum: 0 }, output: { type: 'number', exclusiveMinimum: 0 } },
  { name: 'Swagger 2 type file', dialect: 'swagger-2.0', input: { type: 'file' }, output: { type: 'string', format: 'binary' } },
  { name: 'Swagger 2 x-nullable', dialect: 'swagger-2.0', input: { type: 'integer', 'x-nullable': true }, output: { type: ['integer', 'null'] } },
  { name: 'example becomes examples', dialect: 'openapi-3.0', input: { type: 'string', example: 'hi' }, output: { type: 'string', examples: ['hi'] } },
  { name: '3.1 examples array kept', dialect: 'openapi-3.1', input: { type: 'string', examples: ['a', 'b'] }, output: { type: 'string', examples: ['a', 'b'] } },
  { name: 'non-array examples dropped', dialect: 'openapi-3.0', input: { type: 'string', examples: { a: 1 } }, output: { type: 'string' } },
  { name: 'sloppy required: true dropped', dialect: 'openapi-3.0', input: { type: 'string', required: true }, output: { type: 'string' } },
  { name: 'definitions become $defs', dialect: 'swagger-2.0', input: { definitions: { a: { type: 'string', example: 1 } } }, output: { $defs: { a: { type: 'string', examples: [1] } } } },
  { name: 'tuple items become prefixItems', dialect: 'openapi-3.0', input: { type: 'array', items: [{ type: 'string' }] }, output: { type: 'array', prefixItems: [{ type: 'string' }] } },
  {
    name: 'ids and dialect markers dropped, annotations kept',
    dialect: 'openapi-3.1',
    input: { $schema: 'https://json-schema.org/draft/2020-12/schema', $id: 'x', type: 'object', readOnly: true, discriminator: { propertyName: 't' }, 'x-tag': 1 },
    output: { type: 'object', readOnly: true, discriminator: { propertyName: 't' }, 'x-tag': 1 },
  },
  {
    name: 'nested subschemas converted everywhere',
    dialect: 'openapi-3.0',
    input: { properties: { a: { type: 'string', nullable: true } }, additionalProperties: { type: 'file' }, allOf: [{ example: 1 }], items: { not: { nullable: true, type: 'integer' } } },
    output: { properties: { a: { type: ['string', 'null'] } }, additionalProperties: { type: 'string', format: 'binary' }, allOf: [{ examples: [1] }], items: { not: { type: ['integer', 'null'] } } },
  },
  { name: 'boolean schema kept', dialect: 'openapi-3.1', input: false, output: false },
];

describe('SchemaConverter', () => {
  it.each(table)('$name', ({ dialect, input, output }) => {
    expect(new SchemaConverter(dialect).convert(input)).toEqual(output);
  });

  it('converts a shared object once and returns the same result', () => {
    const shared = { type: 'string', nullable: true };
    const converter = new SchemaConverter('openapi-3.0');
    const first = converter.convert({ properties: { a: shared } }) as { properties: { a: unknown } };
    const second = converter.convert({ items: shared }) as { items: unknown };
    expect(first.properties.a).toBe(second.items);
  });

  it('turns a cycle into a $ref named after its component, and registers the target', () => {
    const node: Record<string, unknown> = { type: 'object', properties: {} };
    (node.properties as Record<string, unknown>).next = node;
    const names = new WeakMap<object, string>([[node, 'Linked List']]);
    const converter = new SchemaConverter('openapi-3.0', names);
    const converted = converter.convert(node);
    expect(converted).toEqual({ type: 'object', properties: { next: { $ref: 'urn:sentinel:defs#/$defs/Linked_List' } } });
    expect(converter.defs).toEqual({ Linked_List: converted });
  });

  it('leaves out data a $ref made circular, and says which keyword', () => {
    const data: Record<string, unknown> = { a: 1 };
    data.self = data;
    const heard: string[] = [];
    const converter = new SchemaConverter('openapi-3.0', new WeakMap(), (keyword) => heard.push(keyword));
    expect(converter.convert({ type: 'object', default: data, example: data, enum: [1] })).toEqual({ type: 'object', enum: [1] });
    expect(heard).toEqual(['default', 'example']);
  });

  it('gives distinct keys to distinct cycles with the same name', () => {
    const a: Record<string, unknown> = { title: 'Node' };
    const b: Record<string, unknown> = { title: 'Node' };
    a.items = a;
    b.items = b;
    const converter = new SchemaConverter('openapi-3.1');
    converter.convert({ anyOf: [a, b] });
    expect(Object.keys(converter.defs)).toEqual(['Node', 'Node_2']);
  });
});
