// Small builders for check tests: an operation, a case, an exchange and a real Ajv validator.
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { TestCase } from '../../../../src/core/test-case.js';
import type { CheckContext, CheckOptions } from '../../../../src/execution/checks/check.js';
import type { Exchange } from '../../../../src/core/exchange.js';
import type { ApiModel, Operation, Response } from '../../../../src/spec/model.js';

const ajv = new Ajv2020({ strict: false, allErrors: true });

export function validate(schema: unknown, value: unknown) {
  const fn = ajv.compile(schema as object);
  const valid = fn(value) as boolean;
  return {
    valid,
    errors: (fn.errors ?? []).map((e) => ({ pointer: e.instancePath, keyword: e.keyword, message: e.message ?? '' })),
  };
}

export function response(status: string, extra: Partial<Response> = {}): Response {
  return { status, headers: {}, content: [], links: [], pointer: `/responses/${status}`, ...extra };
}

export function jsonResponse(status: string, schema: unknown, mediaType = 'application/json'): Response {
  return response(status, { content: [{ mediaType, schema: schema as object, examples: [] }] });
}

export function operation(extra: Partial<Operation> = {}): Operation {
  return {
    key: 'GET /pets/{id}',
    method: 'get',
    path: '/pets/{id}',
    tags: [],
    deprecated: false,
    parameters: [],
    responses: [jsonResponse('200', { type: 'object' })],
    links: [],
    pointer: '/paths/~1pets~1{id}/get',
    extensions: {},
    ...extra,
  };
}

export function testCase(extra: Partial<TestCase> = {}, method = 'get'): TestCase {
  return {
    id: 'case-1',
    agent: 'positive',
    operation: 'GET /pets/{id}',
    title: 'a case',
    expectation: 'any',
    request: { method, pathParams: {}, query: {}, headers: {}, cookies: {} },
    ...extra,
  };
}

export interface ReplyOptions {
  status: number;
  headers?: Record<string, string | string[]>;
  body?: string;
  json?: unknown;
  truncated?: boolean;
  durationMs?: number;
  requestHeaders?: Record<string, string>;
}

export function exchange(reply: ReplyOptions, method = 'GET'): Exchange {
  const result: Exchange = {
    caseId: 'case-1',
    correlationId: 'corr-1',
    request: { method, url: 'http://127.0.0.1:1/pets/1', headers: reply.requestHeaders ?? {} },
    response: {
      status: reply.status,
      headers: reply.headers ?? {},
      body: reply.body ?? '',
      truncated: reply.truncated ?? false,
    },
    startedAt: 0,
    durationMs: reply.durationMs ?? 5,
    retries: 0,
  };
  if (reply.json !== undefined) result.response!.json = reply.json;
  return result;
}

export function model(operations: Operation[] = [operation()]): ApiModel {
  return {
    source: 'spec.yaml',
    dialect: 'openapi-3.1',
    specVersion: '3.1.0',
    info: { title: 't', version: '1' },
    servers: [],
    operations,
    securitySchemes: {},
    security: [],
    webhooks: [],
    schemaDefs: {},
    warnings: [],
  };
}

export function context(parts: {
  reply: ReplyOptions;
  op?: Operation;
  testCase?: TestCase;
  options?: CheckOptions;
  operations?: Operation[];
}): CheckContext {
  const op = parts.op ?? operation();
  const tc = parts.testCase ?? testCase();
  return {
    model: model(parts.operations ?? [op]),
    operation: op,
    testCase: tc,
    exchange: exchange(parts.reply, tc.request.method.toUpperCase()),
    options: parts.options ?? {},
    validate,
  };
}

/** JSON reply shorthand: body text, parsed json and content type together. */
export function jsonReply(status: number, value: unknown, contentType = 'application/json'): ReplyOptions {
  return { status, headers: { 'content-type': contentType }, body: JSON.stringify(value), json: value };
}
