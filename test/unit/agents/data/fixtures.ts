// Shared by the data-* and agent-* tests: a hand-built model and a table of tricky schemas.
import type { ApiModel, JsonSchema, Operation } from '../../../../src/spec/model.js';

export function modelWith(schemaDefs: Record<string, JsonSchema> = {}, operations: Operation[] = []): ApiModel {
  return {
    source: 'test.yaml',
    dialect: 'openapi-3.1',
    specVersion: '3.1.0',
    info: { title: 'test', version: '1' },
    servers: [],
    operations,
    securitySchemes: {},
    security: [],
    webhooks: [],
    schemaDefs,
    warnings: [],
  };
}

/** Recursive targets for `$ref` tests. */
export const DEFS: Record<string, JsonSchema> = {
  Node: {
    type: 'object',
    required: ['name'],
    properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: 'urn:sentinel:defs#/$defs/Node' } } },
  },
  // Recursion that must stop: a required self-reference through a nullable field.
  Chain: { type: 'object', required: ['next'], properties: { next: { anyOf: [{ type: 'null' }, { $ref: 'urn:sentinel:defs#/$defs/Chain' }] } } },
};

/** One row per keyword, format or combination the generator must satisfy. */
export const TRICKY_SCHEMAS: [string, JsonSchema][] = [
  ['true schema', true],
  ['empty schema', {}],
  ['string', { type: 'string' }],
  ['integer', { type: 'integer' }],
  ['number', { type: 'number' }],
  ['boolean', { type: 'boolean' }],
  ['null', { type: 'null' }],
  ['type array', { type: ['integer', 'string'] }],
  ['nullable (type array with null)', { type: ['string', 'null'], minLength: 3 }],
  ['enum', { enum: ['red', 'green', 'blue'] }],
  ['enum with null', { type: ['string', 'null'], enum: ['a', null] }],
  ['const', { const: 'fixed' }],
  ['format date', { type: 'string', format: 'date' }],
  ['format date-time', { type: 'string', format: 'date-time' }],
  ['format time', { type: 'string', format: 'time' }],
  ['format email', { type: 'string', format: 'email' }],
  ['format uuid', { type: 'string', format: 'uuid' }],
  ['format uri', { type: 'string', format: 'uri' }],
  ['format hostname', { type: 'string', format: 'hostname' }],
  ['format ipv4', { type: 'string', format: 'ipv4' }],
  ['format ipv6', { type: 'string', format: 'ipv6' }],
  ['format byte', { type: 'string', format: 'byte' }],
  ['format binary', { type: 'string', format: 'binary' }],
  ['format password', { type: 'string', format: 'password' }],
  ['format int32', { type: 'integer', format: 'int32' }],
  ['format int64', { type: 'integer', format: 'int64' }],
  ['format float', { type: 'number', format: 'float' }],
  ['format double', { type: 'number', format: 'double' }],
  ['format with a tight maxLength', { type: 'string', format: 'email', maxLength: 8 }],
  ['pattern', { type: 'string', pattern: '^[A-Z]{2}-\\d{3,5}$' }],
  ['pattern with alternation', { type: 'string', pattern: '^(draft|published|archived)$' }],
  ['pattern, unanchored, with length', { type: 'string', pattern: '[a-f0-9]+', minLength: 8, maxLength: 8 }],
  ['minLength/maxLength', { type: 'string', minLength: 5, maxLength: 7 }],
  ['minLength only, large', { type: 'string', minLength: 100 }],
  ['minimum/maximum', { type: 'integer', minimum: 10, maximum: 12 }],
  ['exclusive bounds', { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 }],
  ['negative range', { type: 'integer', maximum: -1000 }],
  ['multipleOf integer', { type: 'integer', multipleOf: 7, minimum: 50 }],
  ['multipleOf decimal', { type: 'number', multipleOf: 0.01, minimum: 0, maximum: 10 }],
  ['multipleOf with exclusive bounds', { type: 'integer', multipleOf: 5, exclusiveMinimum: 5, exclusiveMaximum: 15 }],
  ['minItems/maxItems', { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 3 }],
  ['uniqueItems over a small domain', { type: 'array', items: { type: 'integer', minimum: 0, maximum: 3 }, minItems: 4, uniqueItems: true }],
  ['prefixItems', { type: 'array', prefixItems: [{ type: 'integer' }, { type: 'string', format: 'email' }], minItems: 2 }],
  ['minProperties/maxProperties', { type: 'object', minProperties: 2, maxProperties: 3 }],
  [
    'required and additionalProperties false',
    { type: 'object', required: ['id', 'email'], additionalProperties: false, properties: { id: { type: 'integer' }, email: { type: 'string', format: 'email' }, note: { type: 'string' } } },
  ],
  ['additionalProperties schema', { type: 'object', additionalProperties: { type: 'integer' }, minProperties: 2 }],
  [
    'readOnly required property (request view)',
    { type: 'object', required: ['id', 'name'], properties: { id: { type: 'integer', readOnly: true }, name: { type: 'string' } } },
  ],
  ['writeOnly property', { type: 'object', required: ['password'], properties: { password: { type: 'string', writeOnly: true, minLength: 8 } } }],
  ['allOf', { allOf: [{ type: 'object', required: ['a'], properties: { a: { type: 'string' } } }, { required: ['b'], properties: { b: { type: 'integer', minimum: 1 } } }] }],
  ['anyOf', { anyOf: [{ type: 'string', maxLength: 2 }, { type: 'integer' }] }],
  ['oneOf of types', { oneOf: [{ type: 'string' }, { type: 'integer' }] }],
  [
    'oneOf overlapping objects with discriminator',
    {
      oneOf: [
        { title: 'Dog', type: 'object', required: ['kind'], properties: { kind: { type: 'string' }, bark: { type: 'boolean' } } },
        { title: 'Cat', type: 'object', required: ['kind'], properties: { kind: { type: 'string' }, lives: { type: 'integer' } } },
      ],
      discriminator: { propertyName: 'kind', mapping: { dog: '#/components/schemas/Dog', cat: '#/components/schemas/Cat' } },
    },
  ],
  ['not', { not: { type: 'string' } }],
  ['not with type', { type: 'integer', not: { const: 0 } }],
  ['recursion via $ref', { $ref: 'urn:sentinel:defs#/$defs/Node' }],
  ['required self-reference through anyOf', { $ref: 'urn:sentinel:defs#/$defs/Chain' }],
  ['deep nesting', { type: 'object', required: ['a'], properties: { a: { type: 'object', required: ['b'], properties: { b: { type: 'array', minItems: 1, items: { type: 'object', required: ['c'], properties: { c: { type: 'string', format: 'uuid' } } } } } } } }],
  ['unicode pattern', { type: 'string', pattern: '^\\p{L}+$' }],
];
