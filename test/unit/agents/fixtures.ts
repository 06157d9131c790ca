// A small hand-built API for the agent tests: a pet store with every parameter location, enums,
// optional parts, a closed body with a readOnly id, and a required header.
import { requestView } from '../../../src/agents/data/request-view.js';
import type { TestCase } from '../../../src/core/test-case.js';
import type { ApiModel, Operation, Parameter } from '../../../src/spec/model.js';
import { createSchemaValidator } from '../../../src/spec/validator.js';
import { modelWith } from './data/fixtures.js';

function parameter(name: string, location: Parameter['in'], schema: object, extra: Partial<Parameter> = {}): Parameter {
  const style = location === 'path' || location === 'header' ? 'simple' : 'form';
  return { name, in: location, required: location === 'path', style, explode: style === 'form', allowReserved: false, deprecated: false, schema, examples: [], pointer: '', ...extra };
}

function operation(method: Operation['method'], path: string, extra: Partial<Operation>): Operation {
  return {
    key: `${method.toUpperCase()} ${path}`,
    method,
    path,
    tags: [],
    deprecated: false,
    parameters: [],
    responses: [{ status: '200', headers: {}, content: [], links: [], pointer: '' }],
    links: [],
    pointer: '',
    extensions: {},
    ...extra,
  };
}

export const PET_SCHEMA = {
  type: 'object',
  required: ['id', 'name', 'kind'],
  additionalProperties: false,
  properties: {
    id: { type: 'integer', readOnly: true },
    name: { type: 'string', minLength: 1, maxLength: 20 },
    kind: { type: 'string', enum: ['dog', 'cat', 'bird', 'fish'] },
    age: { type: 'integer', minimum: 0, maximum: 40 },
    owner: { type: 'object', properties: { email: { type: 'string', format: 'email' }, phone: { type: 'string' } } },
    tags: { type: 'array', items: { type: 'string' }, maxItems: 5 },
  },
};

export const LIST_PETS = operation('get', '/pets', {
  operationId: 'listPets',
  parameters: [
    parameter('limit', 'query', { type: 'integer', minimum: 1, maximum: 100 }, { examples: [25] }),
    parameter('sort', 'query', { type: 'string', enum: ['name', 'age', 'created'] }),
    parameter('X-Request-Tag', 'header', { type: 'string', pattern: '^[a-z]{3,8}$' }, { required: true }),
    parameter('session', 'cookie', { type: 'string', minLength: 8, maxLength: 8 }),
  ],
});

export const CREATE_PET = operation('post', '/pets', {
  operationId: 'createPet',
  requestBody: {
    required: true,
    pointer: '',
    content: [{ mediaType: 'application/json', schema: PET_SCHEMA, examples: [{ name: 'Rex', kind: 'dog' }] }],
  },
});

export const GET_PET = operation('get', '/pets/{petId}', {
  operationId: 'getPet',
  parameters: [parameter('petId', 'path', { type: 'integer', minimum: 1 })],
});

export const DELETE_PET = operation('delete', '/pets/{petId}', {
  operationId: 'deletePet',
  parameters: [parameter('petId', 'path', { type: 'integer', minimum: 1 })],
});

export const OPERATIONS = [LIST_PETS, CREATE_PET, GET_PET, DELETE_PET];

export const petModel = () => modelWith({}, OPERATIONS);

export const CONTEXT = { seed: 42, maxExamples: 6, identities: [] };

const BUCKETS = { path: 'pathParams', query: 'query', header: 'headers', cookie: 'cookies' } as const;

/** Every parameter value and body of a case, checked against its schema. */
const validators = new WeakMap<ApiModel, ReturnType<typeof createSchemaValidator>>();

export function invalidParts(model: ApiModel, testCase: TestCase): string[] {
  if (!validators.has(model)) validators.set(model, createSchemaValidator(model));
  const validator = validators.get(model)!;
  const operation = model.operations.find((op) => op.key === testCase.operation)!;
  const problems: string[] = [];
  for (const parameter of operation.parameters) {
    const value = testCase.request[BUCKETS[parameter.in]][parameter.name];
    if (value === undefined) {
      if (parameter.required) problems.push(`missing ${parameter.name}`);
    } else if (!validator.validate(parameter.schema, value).valid) problems.push(`${parameter.name}=${JSON.stringify(value)}`);
  }
  const body = testCase.request.body;
  if (body !== undefined) {
    const content = operation.requestBody!.content.find((c) => c.mediaType === body.mediaType)!;
    if (!validator.validate(requestView(content.schema), body.value).valid) problems.push(`body ${JSON.stringify(body.value)}`);
  }
  return problems;
}

