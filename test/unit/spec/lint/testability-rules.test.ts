import { contentTypeAmbiguous } from '../../../../src/spec/lint/rules/testability/content-type-ambiguous.js';
import { enumWithoutType } from '../../../../src/spec/lint/rules/testability/enum-without-type.js';
import { examplesMissing } from '../../../../src/spec/lint/rules/testability/examples-missing.js';
import { linkTargetUnknown } from '../../../../src/spec/lint/rules/testability/link-target-unknown.js';
import { loaderWarning } from '../../../../src/spec/lint/rules/testability/loader-warning.js';
import { operationDescriptionMissing } from '../../../../src/spec/lint/rules/testability/operation-description-missing.js';
import { operationIdDuplicate } from '../../../../src/spec/lint/rules/testability/operation-id-duplicate.js';
import { operationIdMissing } from '../../../../src/spec/lint/rules/testability/operation-id-missing.js';
import { operationSummaryMissing } from '../../../../src/spec/lint/rules/testability/operation-summary-missing.js';
import { operationTagsMissing } from '../../../../src/spec/lint/rules/testability/operation-tags-missing.js';
import { parameterConstraintsMissing } from '../../../../src/spec/lint/rules/testability/parameter-constraints-missing.js';
import { parameterDescriptionMissing } from '../../../../src/spec/lint/rules/testability/parameter-description-missing.js';
import { pathParameterUndeclared } from '../../../../src/spec/lint/rules/testability/path-parameter-undeclared.js';
import { pathParameterUnused } from '../../../../src/spec/lint/rules/testability/path-parameter-unused.js';
import { requestBodySchemaMissing } from '../../../../src/spec/lint/rules/testability/request-body-schema-missing.js';
import { requestBodyUnexpected } from '../../../../src/spec/lint/rules/testability/request-body-unexpected.js';
import { response4xxMissing } from '../../../../src/spec/lint/rules/testability/response-4xx-missing.js';
import { responseSchemaMissing } from '../../../../src/spec/lint/rules/testability/response-schema-missing.js';
import { responseSuccessMissing } from '../../../../src/spec/lint/rules/testability/response-success-missing.js';
import { schemaTypeMissing } from '../../../../src/spec/lint/rules/testability/schema-type-missing.js';
import { securitySchemeUndefined } from '../../../../src/spec/lint/rules/testability/security-scheme-undefined.js';
import { serversMissing } from '../../../../src/spec/lint/rules/testability/servers-missing.js';
import { BODY_SCHEMA, json, model, op, param, response, withBody, withOperation } from './helpers.js';
import { runRuleTable } from './rule-table.js';

const OP = '/paths/~1things/get';
const PARAM = `${OP}/parameters/0`;
const withParam = (parameter: ReturnType<typeof param>, path = '/things') => withOperation(op('get', path, { parameters: [parameter] }));
const withResponses = (...responses: ReturnType<typeof response>[]) => withOperation(op('get', '/things', { responses }));
const warning = (code: string, pointer: string) => ({ severity: 'warning' as const, code, message: `${code} here`, pointer });

runRuleTable('testability', [
  [operationIdMissing, [
    { name: 'operation without operationId', model: withOperation(op('get', '/things', { operationId: undefined })), expected: [OP] },
    { name: 'blank operationId', model: withOperation(op('get', '/things', { operationId: '  ' })), expected: [OP] },
    { name: 'operation with operationId', model: model(), expected: [] },
  ]],
  [operationIdDuplicate, [
    { name: 'two operations share an id', model: model({ operations: [op('get', '/a', { operationId: 'x' }), op('get', '/b', { operationId: 'x' })] }), expected: ['/paths/~1b/get/operationId'], message: 'GET /a' },
    { name: 'distinct ids', model: model({ operations: [op('get', '/a'), op('get', '/b')] }), expected: [] },
  ]],
  [operationSummaryMissing, [
    { name: 'no summary', model: withOperation(op('get', '/things', { summary: undefined })), expected: [OP] },
    { name: 'summary present', model: model(), expected: [] },
  ]],
  [operationDescriptionMissing, [
    { name: 'no description', model: withOperation(op('get', '/things', { description: '' })), expected: [OP] },
    { name: 'description present', model: model(), expected: [] },
  ]],
  [operationTagsMissing, [
    { name: 'no tags', model: withOperation(op('get', '/things', { tags: [] })), expected: [OP] },
    { name: 'tagged', model: model(), expected: [] },
  ]],
  [parameterDescriptionMissing, [
    { name: 'undescribed parameter', model: withParam(param('q', 'query', { type: 'string', maxLength: 5 }, { description: undefined })), expected: [PARAM], message: '"q"' },
    { name: 'described parameter', model: withParam(param('q', 'query', { type: 'string', maxLength: 5 })), expected: [] },
  ]],
  [parameterConstraintsMissing, [
    { name: 'unbounded string', model: withParam(param('q', 'query', { type: 'string' })), expected: [`${PARAM}/schema`], message: 'maxLength' },
    { name: 'integer without maximum', model: withParam(param('n', 'query', { type: 'integer', minimum: 1 })), expected: [`${PARAM}/schema`], message: 'no maximum' },
    { name: 'array without maxItems', model: withParam(param('ids', 'query', { type: 'array', items: { type: 'string', format: 'uuid' } })), expected: [`${PARAM}/schema`], message: 'maxItems' },
    { name: 'untyped schema', model: withParam(param('x', 'query', {})), expected: [`${PARAM}/schema`], message: 'a type' },
    { name: 'string with pattern', model: withParam(param('q', 'query', { type: 'string', pattern: '^[a-z]+$' })), expected: [] },
    { name: 'bounded integer', model: withParam(param('n', 'query', { type: 'integer', minimum: 1, maximum: 100 })), expected: [] },
    { name: 'enum', model: withParam(param('sort', 'query', { enum: ['asc', 'desc'] })), expected: [] },
    { name: 'boolean', model: withParam(param('all', 'query', { type: 'boolean' })), expected: [] },
  ]],
  [responseSuccessMissing, [
    { name: 'only errors', model: withResponses(response('400'), response('404')), expected: [`${OP}/responses`] },
    { name: 'a 2XX range', model: withResponses(response('2XX')), expected: [] },
    { name: 'a redirect', model: withResponses(response('302')), expected: [] },
    { name: 'a default response', model: withResponses(response('default')), expected: [] },
  ]],
  [responseSchemaMissing, [
    { name: '200 without content', model: withResponses(response('200')), expected: [`${OP}/responses/200`] },
    { name: 'media type with empty schema', model: withResponses(response('200', { content: [json({ description: 'x' })] })), expected: [`${OP}/responses/200/content/application~1json/schema`] },
    { name: 'error body with boolean schema', model: withResponses(response('204'), response('404', { content: [json(true)] })), expected: [`${OP}/responses/404/content/application~1json/schema`] },
    { name: '204 without content', model: withResponses(response('204')), expected: [] },
    { name: 'HEAD without content', model: withOperation(op('head', '/things', { responses: [response('200')] })), expected: [] },
    { name: '200 with schema', model: model(), expected: [] },
  ]],
  [response4xxMissing, [
    { name: 'only a success', model: withResponses(response('200', { content: [json()] })), expected: [`${OP}/responses`] },
    { name: 'a 4XX range', model: withResponses(response('200'), response('4XX')), expected: [] },
    { name: 'a default', model: withResponses(response('200'), response('default')), expected: [] },
  ]],
  [requestBodySchemaMissing, [
    { name: 'JSON body without schema', model: withBody({}), expected: [BODY_SCHEMA] },
    { name: 'body without media types', model: (() => { const m = withBody({}); m.operations[0]!.requestBody!.content = []; return m; })(), expected: ['/paths/~1things/post/requestBody'] },
    { name: 'binary upload without schema', model: withBody({}, 'application/octet-stream'), expected: [] },
    { name: 'JSON body with schema', model: withBody({ type: 'object', additionalProperties: false }), expected: [] },
  ]],
  [examplesMissing, [
    { name: 'no example anywhere', model: withResponses(response('200', { content: [json({ type: 'object', properties: { a: { type: 'string' } } })] })), expected: [OP] },
    { name: 'media type example', model: withResponses(response('200', { content: [json({ type: 'string' }, ['x'])] })), expected: [] },
    { name: 'schema example', model: withResponses(response('200', { content: [json({ type: 'string', example: 'x' })] })), expected: [] },
    { name: 'property example', model: model(), expected: [] },
    { name: 'no bodies at all', model: withResponses(response('204')), expected: [] },
  ]],
  [pathParameterUndeclared, [
    { name: 'template name not declared', model: withOperation(op('get', '/things/{id}')), expected: ['/paths/~1things~1{id}/get'], message: '{id}' },
    { name: 'reported by the loader', model: withOperation(op('get', '/things/{id}', { parameters: [param('id', 'path', { type: 'string' })] }), { warnings: [warning('undeclared-path-parameter', '/paths/~1things~1{id}/get')] }), expected: ['/paths/~1things~1{id}/get'], message: 'undeclared-path-parameter here' },
    { name: 'declared', model: withParam(param('id', 'path', { type: 'string', format: 'uuid' }), '/things/{id}'), expected: [] },
  ]],
  [pathParameterUnused, [
    { name: 'declared but not in the template', model: withParam(param('id', 'path', { type: 'string' })), expected: [PARAM], message: '"id"' },
    { name: 'dropped and reported by the loader', model: model({ warnings: [warning('path-parameter-not-in-template', PARAM)] }), expected: [PARAM] },
    { name: 'in the template', model: withParam(param('id', 'path', { type: 'string' }), '/things/{id}'), expected: [] },
  ]],
  [enumWithoutType, [
    { name: 'untyped enum in a response', model: withResponses(response('200', { content: [json({ type: 'object', properties: { s: { enum: ['a', 'b'] } } })] })), expected: [`${OP}/responses/200/content/application~1json/schema/properties/s`] },
    { name: 'untyped enum in a body', model: withBody({ enum: [1, 2] }), expected: [BODY_SCHEMA] },
    { name: 'untyped enum in a response header', model: withResponses(response('200', { content: [json()], headers: { 'X-Mode': { required: false, schema: { enum: ['a'] }, deprecated: false } } })), expected: [`${OP}/responses/200/headers/X-Mode/schema`] },
    { name: 'typed enum', model: withBody({ type: 'string', enum: ['a'] }), expected: [] },
  ]],
  [schemaTypeMissing, [
    { name: 'untyped input property', model: withBody({ type: 'object', properties: { note: { description: 'free' } } }), expected: [`${BODY_SCHEMA}/properties/note`] },
    { name: 'read-only untyped property', model: withBody({ type: 'object', properties: { note: { readOnly: true } } }), expected: [] },
    { name: 'composed property', model: withBody({ type: 'object', properties: { note: { oneOf: [{ type: 'string' }] } } }), expected: [] },
  ]],
  [serversMissing, [
    { name: 'no servers', model: model({ servers: [] }), expected: ['/servers'], message: 'no servers' },
    { name: 'only the default relative server', model: model({ servers: [{ url: '/' }] }), expected: ['/servers'] },
    { name: 'Swagger 2 without host', model: model({ dialect: 'swagger-2.0', servers: [{ url: '/v1' }] }), expected: ['/host'] },
    { name: 'absolute server', model: model(), expected: [] },
  ]],
  [contentTypeAmbiguous, [
    { name: 'wildcard response', model: withResponses(response('200', { content: [{ mediaType: '*/*', schema: { type: 'string' }, examples: [] }] })), expected: [`${OP}/responses/200/content/*~1*`] },
    { name: 'wildcard request body', model: withBody({ type: 'string' }, 'application/*'), expected: ['/paths/~1things/post/requestBody/content/application~1*'] },
    { name: 'concrete media types', model: model(), expected: [] },
  ]],
  [securitySchemeUndefined, [
    { name: 'global requirement names an unknown scheme', model: model({ security: [{ oauth: [] }] }), expected: ['/security/0/oauth'] },
    { name: 'operation requirement names an unknown scheme', model: withOperation(op('get', '/things', { security: [{ bearer: [] }, { key: [] }] })), expected: [`${OP}/security/1/key`] },
    { name: 'declared schemes', model: model(), expected: [] },
  ]],
  [linkTargetUnknown, [
    {
      name: 'link to a missing operationId',
      model: withResponses(response('200', { content: [json()], links: [{ name: 'next', status: '200', operationId: 'nope', parameters: {} }] })),
      expected: [`${OP}/responses/200/links/next`],
      message: '"nope"',
    },
    { name: 'link to an existing operation', model: withResponses(response('200', { content: [json()], links: [{ name: 'self', status: '200', operationId: 'getthings', parameters: {} }] })), expected: [] },
  ]],
  [requestBodyUnexpected, [
    { name: 'GET with a body', model: withOperation(op('get', '/things', { requestBody: { required: false, content: [json()], pointer: `${OP}/requestBody` } })), expected: [`${OP}/requestBody`] },
    { name: 'POST with a body', model: withBody({ type: 'string', maxLength: 3 }), expected: [] },
  ]],
  [loaderWarning, [
    { name: 'a loader warning', model: model({ warnings: [warning('server-variable-without-default', '/servers/0/variables/v')] }), expected: ['/servers/0/variables/v'], message: 'server-variable-without-default' },
    { name: 'path parameter warnings belong to their own rules', model: model({ warnings: [warning('undeclared-path-parameter', OP)] }), expected: [] },
    { name: 'no warnings', model: model(), expected: [] },
  ]],
]);
