import { additionalPropertiesOpen } from '../../../../src/spec/lint/rules/owasp/additional-properties-open.js';
import { apiKeyInQuery } from '../../../../src/spec/lint/rules/owasp/api-key-in-query.js';
import { arrayUnbounded } from '../../../../src/spec/lint/rules/owasp/array-unbounded.js';
import { authSchemeInsecure } from '../../../../src/spec/lint/rules/owasp/auth-scheme-insecure.js';
import { authUrlInsecure } from '../../../../src/spec/lint/rules/owasp/auth-url-insecure.js';
import { credentialsInQuery } from '../../../../src/spec/lint/rules/owasp/credentials-in-query.js';
import { forbiddenResponseMissing } from '../../../../src/spec/lint/rules/owasp/forbidden-response-missing.js';
import { httpServer } from '../../../../src/spec/lint/rules/owasp/http-server.js';
import { numberUnbounded } from '../../../../src/spec/lint/rules/owasp/number-unbounded.js';
import { oauthFlowDeprecated } from '../../../../src/spec/lint/rules/owasp/oauth-flow-deprecated.js';
import { rateLimitHeadersMissing } from '../../../../src/spec/lint/rules/owasp/rate-limit-headers-missing.js';
import { rateLimitResponseMissing } from '../../../../src/spec/lint/rules/owasp/rate-limit-response-missing.js';
import { sequentialIdPath } from '../../../../src/spec/lint/rules/owasp/sequential-id-path.js';
import { serverEnvironmentUndeclared } from '../../../../src/spec/lint/rules/owasp/server-environment-undeclared.js';
import { stringUnbounded } from '../../../../src/spec/lint/rules/owasp/string-unbounded.js';
import { unauthorizedResponseMissing } from '../../../../src/spec/lint/rules/owasp/unauthorized-response-missing.js';
import { urlParameterUnrestricted } from '../../../../src/spec/lint/rules/owasp/url-parameter-unrestricted.js';
import { urlPropertyUnrestricted } from '../../../../src/spec/lint/rules/owasp/url-property-unrestricted.js';
import { validationErrorMissing } from '../../../../src/spec/lint/rules/owasp/validation-error-missing.js';
import { writeWithoutSecurity } from '../../../../src/spec/lint/rules/owasp/write-without-security.js';
import type { SecurityScheme } from '../../../../src/spec/model.js';
import { BODY_SCHEMA, json, model, op, param, response, withBody, withOperation } from './helpers.js';
import { runRuleTable } from './rule-table.js';

const OP = '/paths/~1things/get';
const PARAM = `${OP}/parameters/0`;
const withParam = (parameter: ReturnType<typeof param>, path = '/things') => withOperation(op('get', path, { parameters: [parameter] }));
const withResponses = (method: 'get' | 'post', ...responses: ReturnType<typeof response>[]) => withOperation(op(method, '/things', { responses }));
const withSchemes = (securitySchemes: Record<string, SecurityScheme>, dialect: 'openapi-3.1' | 'swagger-2.0' = 'openapi-3.1') =>
  model({ securitySchemes, security: [{ [Object.keys(securitySchemes)[0]!]: [] }], dialect });
const POST = '/paths/~1things/post';

runRuleTable('owasp', [
  [writeWithoutSecurity, [
    { name: 'public POST', model: withOperation(op('post', '/things', { security: [] })), expected: [`${POST}/security`], message: 'without any security' },
    { name: 'optional security on DELETE', model: withOperation(op('delete', '/things', { security: [{}, { bearer: [] }] })), expected: ['/paths/~1things/delete/security'], message: 'optional' },
    { name: 'no global security at all', model: model({ security: [], operations: [op('put', '/things')] }), expected: ['/paths/~1things/put'] },
    { name: 'secured POST', model: withOperation(op('post', '/things')), expected: [] },
    { name: 'public GET', model: withOperation(op('get', '/things', { security: [] })), expected: [] },
  ]],
  [apiKeyInQuery, [
    { name: 'API key in query', model: withSchemes({ key: { type: 'apiKey', in: 'query', name: 'api_key' } }), expected: ['/components/securitySchemes/key'], message: 'api_key' },
    { name: 'Swagger 2 API key in query', model: withSchemes({ key: { type: 'apiKey', in: 'query', name: 'k' } }, 'swagger-2.0'), expected: ['/securityDefinitions/key'] },
    { name: 'API key in header', model: withSchemes({ key: { type: 'apiKey', in: 'header', name: 'X-API-Key' } }), expected: [] },
  ]],
  [credentialsInQuery, [
    { name: 'password in query', model: withParam(param('password', 'query', { type: 'string', maxLength: 9 })), expected: [PARAM] },
    { name: 'access-token in query', model: withParam(param('access-token', 'query', { type: 'string', maxLength: 9 })), expected: [PARAM] },
    { name: 'token in a header', model: withParam(param('token', 'header', { type: 'string', maxLength: 9 })), expected: [] },
    { name: 'harmless query name', model: withParam(param('tokenizer', 'query', { type: 'string', maxLength: 9 })), expected: [] },
  ]],
  [httpServer, [
    { name: 'plain HTTP server', model: model({ servers: [{ url: 'https://a.example' }, { url: 'http://api.example.com' }] }), expected: ['/servers/1'] },
    { name: 'plain HTTP operation server', model: withOperation(op('get', '/things', { servers: [{ url: 'http://x.example' }] })), expected: [`${OP}/servers/0`] },
    { name: 'Swagger 2 http scheme', model: model({ dialect: 'swagger-2.0', servers: [{ url: 'http://api.example.com/v1' }] }), expected: ['/schemes'] },
    { name: 'loopback HTTP', model: model({ servers: [{ url: 'http://127.0.0.1:8080' }, { url: 'http://localhost:3000' }] }), expected: [] },
    { name: 'HTTPS', model: model(), expected: [] },
  ]],
  [authUrlInsecure, [
    { name: 'plain HTTP token URL', model: withSchemes({ oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'http://auth.example/token', scopes: {} } } } }), expected: ['/components/securitySchemes/oauth/flows/clientCredentials/tokenUrl'] },
    { name: 'plain HTTP OpenID discovery', model: withSchemes({ oidc: { type: 'openIdConnect', openIdConnectUrl: 'http://auth.example/.well-known/openid-configuration' } }), expected: ['/components/securitySchemes/oidc/openIdConnectUrl'] },
    { name: 'HTTPS URLs', model: withSchemes({ oauth: { type: 'oauth2', flows: { authorizationCode: { authorizationUrl: 'https://a.example/auth', tokenUrl: 'https://a.example/token', scopes: {} } } } }), expected: [] },
  ]],
  [authSchemeInsecure, [
    { name: 'HTTP basic', model: withSchemes({ basic: { type: 'http', scheme: 'basic' } }), expected: ['/components/securitySchemes/basic'] },
    { name: 'HTTP Digest (any case)', model: withSchemes({ digest: { type: 'http', scheme: 'Digest' } }), expected: ['/components/securitySchemes/digest'] },
    { name: 'bearer', model: model(), expected: [] },
  ]],
  [oauthFlowDeprecated, [
    { name: 'implicit flow', model: withSchemes({ oauth: { type: 'oauth2', flows: { implicit: { authorizationUrl: 'https://a.example', scopes: {} } } } }), expected: ['/components/securitySchemes/oauth/flows/implicit'] },
    { name: 'password flow', model: withSchemes({ oauth: { type: 'oauth2', flows: { password: { tokenUrl: 'https://a.example', scopes: {} } } } }), expected: ['/components/securitySchemes/oauth/flows/password'] },
    { name: 'authorization code', model: withSchemes({ oauth: { type: 'oauth2', flows: { authorizationCode: { authorizationUrl: 'https://a.example', tokenUrl: 'https://a.example', scopes: {} } } } }), expected: [] },
  ]],
  [stringUnbounded, [
    { name: 'body string without maxLength', model: withBody({ type: 'object', additionalProperties: false, properties: { name: { type: 'string' } } }), expected: [`${BODY_SCHEMA}/properties/name`] },
    { name: 'nullable string parameter', model: withParam(param('q', 'query', { type: ['string', 'null'] })), expected: [`${PARAM}/schema`] },
    { name: 'unanchored pattern', model: withBody({ type: 'string', pattern: '[a-z]' }), expected: [BODY_SCHEMA] },
    { name: 'maxLength', model: withBody({ type: 'string', maxLength: 10 }), expected: [] },
    { name: 'bounded format', model: withBody({ type: 'string', format: 'uuid' }), expected: [] },
    { name: 'anchored finite pattern', model: withBody({ type: 'string', pattern: '^[a-z]{2,8}$' }), expected: [] },
    { name: 'read-only property', model: withBody({ type: 'object', additionalProperties: false, properties: { id: { type: 'string', readOnly: true } } }), expected: [] },
    { name: 'allOf branch (bound may be in a sibling)', model: withBody({ allOf: [{ type: 'string' }, { maxLength: 5 }] }), expected: [] },
    { name: 'response strings are not inputs', model: withResponses('get', response('200', { content: [json({ type: 'string', example: 'x' })] })), expected: [] },
  ]],
  [arrayUnbounded, [
    { name: 'body array', model: withBody({ type: 'array', items: { type: 'integer' } }), expected: [BODY_SCHEMA] },
    { name: 'nested array', model: withBody({ type: 'object', properties: { tags: { type: 'array', items: {} } } }), expected: [`${BODY_SCHEMA}/properties/tags`] },
    { name: 'maxItems', model: withBody({ type: 'array', maxItems: 10, items: {} }), expected: [] },
  ]],
  [numberUnbounded, [
    { name: 'integer without bounds', model: withBody({ type: 'integer' }), expected: [BODY_SCHEMA], message: 'no minimum and no maximum' },
    { name: 'number without maximum', model: withParam(param('limit', 'query', { type: 'number', exclusiveMinimum: 0 })), expected: [`${PARAM}/schema`], message: 'no maximum' },
    { name: 'bounded', model: withBody({ type: 'integer', minimum: 1, maximum: 100 }), expected: [] },
  ]],
  [additionalPropertiesOpen, [
    { name: 'open object', model: withBody({ type: 'object', properties: { a: { type: 'string', maxLength: 1 } } }), expected: [BODY_SCHEMA] },
    { name: 'additionalProperties: true', model: withBody({ properties: { a: {} }, additionalProperties: true }), expected: [BODY_SCHEMA] },
    { name: 'open composed object', model: withBody({ allOf: [{ type: 'object', properties: { a: {} } }, { properties: { b: {} } }] }), expected: [BODY_SCHEMA] },
    { name: 'closed', model: withBody({ type: 'object', properties: { a: {} }, additionalProperties: false }), expected: [] },
    { name: 'closed with unevaluatedProperties', model: withBody({ allOf: [{ type: 'object', properties: { a: {} } }], unevaluatedProperties: false }), expected: [] },
    { name: 'constrained map', model: withBody({ type: 'object', properties: { a: {} }, additionalProperties: { type: 'string' } }), expected: [] },
    { name: 'responses may be open', model: model(), expected: [] },
  ]],
  [urlPropertyUnrestricted, [
    { name: 'uri format', model: withBody({ type: 'string', format: 'uri', maxLength: 200 }), expected: [BODY_SCHEMA], message: 'format uri' },
    { name: 'property named like a URL', model: withBody({ type: 'object', properties: { callback_url: { type: 'string' }, avatarUrl: { type: 'string' } } }), expected: [`${BODY_SCHEMA}/properties/callback_url`, `${BODY_SCHEMA}/properties/avatarUrl`] },
    { name: 'URL with a pattern', model: withBody({ type: 'object', properties: { webhook: { type: 'string', pattern: '^https://hooks\\.example\\.com/' } } }), expected: [] },
    { name: 'names that only end in "url"', model: withBody({ type: 'object', properties: { curl: { type: 'string' }, url_count: { type: 'integer' } } }), expected: [] },
  ]],
  [urlParameterUnrestricted, [
    { name: 'redirect_uri parameter', model: withParam(param('redirect_uri', 'query', { type: 'string' })), expected: [PARAM] },
    { name: 'url parameter with enum', model: withParam(param('url', 'query', { type: 'string', enum: ['https://a.example'] })), expected: [] },
    { name: 'uri format (reported on the schema instead)', model: withParam(param('target', 'query', { type: 'string', format: 'uri' })), expected: [] },
  ]],
  [sequentialIdPath, [
    { name: 'integer id', model: withParam(param('id', 'path', { type: 'integer' }), '/things/{id}'), expected: [`${PARAM}/schema`] },
    { name: 'integer petId', model: withParam(param('petId', 'path', { type: 'integer', format: 'int64' }), '/things/{petId}'), expected: [`${PARAM}/schema`] },
    { name: 'Swagger 2 integer order_id', model: withParam(param('order_id', 'path', { type: 'integer' }), '/things/{order_id}'), expected: [PARAM] },
    { name: 'uuid id', model: withParam(param('id', 'path', { type: 'string', format: 'uuid' }), '/things/{id}'), expected: [] },
    { name: 'integer that is not an id', model: withParam(param('year', 'path', { type: 'integer' }), '/things/{year}'), expected: [] },
    { name: 'integer id in query', model: withParam(param('id', 'query', { type: 'integer' })), expected: [] },
  ].map((c) => (c.name.startsWith('Swagger 2') ? { ...c, model: { ...c.model, dialect: 'swagger-2.0' as const } } : c))],
  [unauthorizedResponseMissing, [
    { name: 'secured, no 401', model: withResponses('get', response('200'), response('403')), expected: [`${OP}/responses`] },
    { name: 'secured with 4XX', model: withResponses('get', response('200'), response('4XX')), expected: [] },
    { name: 'public', model: withOperation(op('get', '/things', { security: [], responses: [response('200')] })), expected: [] },
  ]],
  [forbiddenResponseMissing, [
    { name: 'secured, no 403', model: withResponses('get', response('200'), response('401')), expected: [`${OP}/responses`] },
    { name: 'secured with 403', model: model(), expected: [] },
    { name: 'public', model: withOperation(op('get', '/things', { security: [], responses: [response('200')] })), expected: [] },
  ]],
  [rateLimitResponseMissing, [
    { name: 'no 429', model: withResponses('get', response('200'), response('400')), expected: [`${OP}/responses`] },
    { name: '429 documented', model: model(), expected: [] },
  ]],
  [rateLimitHeadersMissing, [
    { name: 'success without rate-limit headers', model: withResponses('get', response('200')), expected: [`${OP}/responses`] },
    { name: 'X-RateLimit-Remaining', model: withResponses('get', response('200', { headers: { 'X-RateLimit-Remaining': { required: false, schema: {}, deprecated: false } } })), expected: [] },
    { name: 'no success responses', model: withResponses('get', response('404')), expected: [] },
  ]],
  [validationErrorMissing, [
    { name: 'body without 400/422', model: (() => { const m = withBody({ type: 'string', maxLength: 1 }); m.operations[0]!.responses = [response('201')]; return m; })(), expected: [`${POST}/responses`] },
    { name: 'parameters with 422', model: withOperation(op('get', '/things', { parameters: [param('q', 'query', { type: 'string' })], responses: [response('200'), response('422')] })), expected: [] },
    { name: 'no inputs', model: withResponses('get', response('200')), expected: [] },
  ]],
  [serverEnvironmentUndeclared, [
    { name: 'server without description', model: model({ servers: [{ url: 'https://api.example.com' }] }), expected: ['/servers/0'] },
    { name: 'Swagger 2 cannot describe servers', model: model({ dialect: 'swagger-2.0', servers: [{ url: 'https://api.example.com' }] }), expected: [] },
    { name: 'described server', model: model(), expected: [] },
  ]],
]);
