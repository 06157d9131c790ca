// The schema validator: Ajv 2020-12 with formats (incl. OpenAPI's), recursive defs, cached compilation.
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../../src/spec/load.js';
import type { ApiModel, JsonSchema } from '../../../src/spec/model.js';
import { createSchemaValidator } from '../../../src/spec/validator.js';
import { githubRestSpec } from '../../support/real-specs.js';

const emptyModel: ApiModel = {
  source: 'test', dialect: 'openapi-3.1', specVersion: '3.1.0', info: { title: 't', version: '1' }, servers: [], operations: [],
  securitySchemes: {}, security: [], webhooks: [], schemaDefs: {}, warnings: [],
};

describe('createSchemaValidator', () => {
  const validator = createSchemaValidator(emptyModel);
  const table: { name: string; schema: JsonSchema; value: unknown; valid: boolean }[] = [
    { name: 'int32 in range', schema: { type: 'integer', format: 'int32' }, value: 2147483647, valid: true },
    { name: 'int32 overflow', schema: { type: 'integer', format: 'int32' }, value: 2147483648, valid: false },
    { name: 'int64 integer', schema: { type: 'integer', format: 'int64' }, value: 2 ** 40, valid: true },
    { name: 'float', schema: { type: 'number', format: 'float' }, value: 1.5, valid: true },
    { name: 'double', schema: { type: 'number', format: 'double' }, value: -1e300, valid: true },
    { name: 'byte is base64', schema: { type: 'string', format: 'byte' }, value: 'aGVsbG8=', valid: true },
    { name: 'byte rejects non-base64', schema: { type: 'string', format: 'byte' }, value: 'not base64!', valid: false },
    { name: 'binary accepts any string', schema: { type: 'string', format: 'binary' }, value: '\u0000\u0001', valid: true },
    { name: 'password accepts any string', schema: { type: 'string', format: 'password' }, value: 'x', valid: true },
    { name: 'date-time from ajv-formats', schema: { type: 'string', format: 'date-time' }, value: 'yesterday', valid: false },
    { name: 'uuid', schema: { type: 'string', format: 'uuid' }, value: '0f8fad5b-d9cb-469f-a165-70867728950e', valid: true },
    { name: 'unknown format ignored', schema: { type: 'string', format: 'made-up' }, value: 'x', valid: true },
    { name: 'null in a type array', schema: { type: ['string', 'null'] }, value: null, valid: true },
    { name: 'discriminator tolerated', schema: { type: 'object', discriminator: { propertyName: 'k' } }, value: {}, valid: true },
    { name: 'pattern that is invalid with the u flag', schema: { type: 'string', pattern: '^[a-z\\-]+$' }, value: 'a-b', valid: true },
    { name: 'true schema', schema: true, value: 42, valid: true },
    { name: 'false schema', schema: false, value: 42, valid: false },
  ];
  it.each(table)('$name', ({ schema, value, valid }) => {
    expect(validator.validate(schema, value).valid).toBe(valid);
  });

  it('reports every error with pointer, keyword and message', () => {
    const schema = { type: 'object', required: ['id'], properties: { name: { type: 'string', maxLength: 3 }, tags: { type: 'array', items: { type: 'string' } } } };
    const result = validator.validate(schema, { name: 'toolong', tags: ['a', 2] });
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([
      { pointer: '', keyword: 'required', message: "value must have required property 'id'" },
      { pointer: '/name', keyword: 'maxLength', message: '/name must NOT have more than 3 characters' },
      { pointer: '/tags/1', keyword: 'type', message: '/tags/1 must be string' },
    ]);
  });

  it('reports a schema Ajv cannot compile as unusable instead of failing the value', () => {
    const broken = { type: 'string', pattern: '(unclosed' };
    expect(validator.validate(broken, 'x')).toEqual({ valid: true, errors: [] });
    expect(validator.unusableSchemas.get(broken)).toMatch(/pattern|Invalid regular expression/i);
  });
});

describe('validating against a loaded model', async () => {
  const model = await loadSpec('test/fixtures/specs/valid/openapi-30.yaml');
  const validator = createSchemaValidator(model);
  const owner = model.operations.find((operation) => operation.key === 'GET /owners/{ownerId}')!.responses[0]!.content[0]!.schema;
  const pet = model.operations.find((operation) => operation.key === 'GET /pets/{petId}')!.responses[0]!.content[0]!.schema;

  it('follows recursive $refs into schemaDefs', () => {
    expect(validator.validate(owner, { name: 'a', children: [{ name: 'b', children: [] }] }).valid).toBe(true);
    const deep = validator.validate(owner, { name: 'a', children: [{ name: 'b', children: [{ name: 7 }] }] });
    expect(deep.valid).toBe(false);
    expect(deep.errors[0]!.pointer).toBe('/children/0/children/0/name');
  });

  it('applies converted 3.0 keywords (nullable, exclusive bounds)', () => {
    expect(validator.validate(pet, { id: 1, name: null, status: null }).valid).toBe(true);
    expect(validator.validate(pet, { id: 1, name: 'x', age: 0 }).errors.map((e) => e.keyword)).toEqual(['exclusiveMinimum']);
  });

  it('gives the same answer when a cached validator is reused', () => {
    const first = validator.validate(pet, { name: 'x' });
    const second = validator.validate(pet, { name: 'x' });
    expect(second).toEqual(first);
    expect(first.errors.map((e) => e.message)).toEqual(["value must have required property 'id'"]);
  });

  it('validates against GitHub shared components compiled once', async () => {
    const github = await loadSpec(githubRestSpec());
    const githubValidator = createSchemaValidator(github);
    const repo = github.operations.find((operation) => operation.key === 'GET /repos/{owner}/{repo}')!.responses.find((r) => r.status === '200')!.content[0]!.schema;
    const result = githubValidator.validate(repo, { id: 'not a number' });
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => e.pointer)).toContain('/id');
    expect(githubValidator.unusableSchemas.size).toBe(0);
  }, 90_000);
});
