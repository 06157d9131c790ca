// Hand-built models for lint rule tables. Every default is "clean": a rule's negative case is the
// default, and each positive case changes just the part the rule looks at.
import type { ApiModel, MediaTypeContent, Operation, Parameter, Response } from '../../../../src/spec/model.js';
import { lintModel } from '../../../../src/spec/lint/index.js';
import type { LintFinding, LintRule } from '../../../../src/spec/lint/index.js';

export const BOUNDED_OBJECT = {
  type: 'object',
  additionalProperties: false,
  properties: { name: { type: 'string', maxLength: 50, example: 'Rex' } },
};

export function json(schema: MediaTypeContent['schema'] = BOUNDED_OBJECT, examples: unknown[] = []): MediaTypeContent {
  return { mediaType: 'application/json', schema, examples };
}

function escape(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function response(status: string, overrides: Partial<Response> = {}): Response {
  return { status, description: `status ${status}`, headers: {}, content: [], links: [], pointer: '', ...overrides };
}

const RATE_LIMIT_HEADERS = { 'RateLimit-Limit': { required: false, schema: { type: 'integer' }, deprecated: false } };

/** A clean operation: described, tagged, with success, 400, 401, 403 and 429 responses. */
export function op(method: Operation['method'] = 'get', path = '/things', overrides: Partial<Operation> = {}): Operation {
  const pointer = `/paths/${escape(path)}/${method}`;
  const responses = overrides.responses ?? [
    response('200', { content: [json(BOUNDED_OBJECT, [{ name: 'Rex' }])], headers: RATE_LIMIT_HEADERS }),
    response('400'),
    response('401'),
    response('403'),
    response('429'),
  ];
  return {
    key: `${method.toUpperCase()} ${path}`,
    method,
    path,
    operationId: `${method}${path.replace(/[^A-Za-z]/g, '')}`,
    tags: ['things'],
    summary: 'Do the thing',
    description: 'Does the thing, for tests.',
    deprecated: false,
    parameters: [],
    links: [],
    pointer,
    extensions: {},
    ...overrides,
    responses: responses.map((entry) => ({ ...entry, pointer: entry.pointer || `${pointer}/responses/${entry.status}` })),
  };
}

export function param(name: string, location: Parameter['in'], schema: Parameter['schema'], overrides: Partial<Parameter> = {}): Parameter {
  return {
    name,
    in: location,
    required: location === 'path',
    style: location === 'path' || location === 'header' ? 'simple' : 'form',
    explode: location === 'query' || location === 'cookie',
    allowReserved: false,
    deprecated: false,
    description: `the ${name}`,
    schema,
    examples: [],
    pointer: '/paths/~1things/get/parameters/0',
    ...overrides,
  };
}

/** A clean model: one https server with a description, bearer auth required globally. */
export function model(overrides: Partial<ApiModel> = {}): ApiModel {
  return {
    source: 'test.json',
    dialect: 'openapi-3.1',
    specVersion: '3.1.0',
    info: { title: 'Test', version: '1' },
    servers: [{ url: 'https://api.example.com', description: 'Production' }],
    operations: [op()],
    securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    security: [{ bearer: [] }],
    webhooks: [],
    schemaDefs: {},
    warnings: [],
    ...overrides,
  };
}

/** A model whose single operation is `operation`. */
export function withOperation(operation: Operation, overrides: Partial<ApiModel> = {}): ApiModel {
  return model({ operations: [operation], ...overrides });
}

/** An operation taking `schema` as its JSON request body. */
export function withBody(schema: MediaTypeContent['schema'], mediaType = 'application/json'): ApiModel {
  const operation = op('post', '/things');
  operation.requestBody = { required: true, content: [{ mediaType, schema, examples: [] }], pointer: `${operation.pointer}/requestBody` };
  return withOperation(operation);
}

export const BODY_SCHEMA = '/paths/~1things/post/requestBody/content/application~1json/schema';

export function findingsOf(rule: LintRule, subject: ApiModel): LintFinding[] {
  return lintModel(subject, [rule]).findings;
}

export interface RuleCase {
  name: string;
  model: ApiModel;
  /** Pointers of the expected findings, in order. */
  expected: string[];
  /** A fragment every finding's message contains. */
  message?: string;
}
