// The gateway: one Fastify server composing the services' routes behind the cross-cutting concerns:
// correlation IDs, authentication and authorization by permission, rate limits, body limits, input
// validation with problem+json answers, security headers, the OpenAPI document and the docs page.
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyPluginAsync, type FastifyReply, type FastifyRequest, type FastifySchema, type RouteOptions } from 'fastify';
import { credentialOf, type Principal } from '../auth/principal.js';
import { allows } from '../auth/roles.js';
import { correlationIdOf } from './correlation.js';
import { renderDocsPage } from './docs-page.js';
import { createOpenApiCollector } from './openapi.js';
import { HttpProblem, PROBLEM_SCHEMA, problemOf, type ProblemDetail } from './problem.js';
import './types.js';
import { createValidatorCompiler, problemDetails } from './validation.js';

export interface GatewayOptions {
  /** Largest request body, in bytes (413 above). */
  bodyLimit: number;
  /** Requests per minute per principal (per address when anonymous). */
  rateLimitPerMinute: number;
  /** Login attempts per minute per address. */
  loginRateLimitPerMinute: number;
  /** Resolves a bearer token or API key; undefined when it is not valid. */
  authenticate(token: string): Promise<Principal | undefined>;
  /** Database reachable and migrated. */
  isReady(): Promise<boolean>;
  /** The services' routes. */
  services: FastifyPluginAsync[];
  logger?: boolean;
}

export const GATEWAY_DEFAULTS = { bodyLimit: 10 * 1024 * 1024, rateLimitPerMinute: 600, loginRateLimitPerMinute: 30 };

const HIDDEN: FastifySchema = { hide: true };
const PROBLEM_REF = { $ref: 'Problem#' } as const;

export async function createGateway(options: GatewayOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit,
    // Ids are made by the database; the client-facing id of a request is its correlation ID.
    genReqId: () => '',
    ajv: { customOptions: { allErrors: true } },
    routerOptions: { ignoreTrailingSlash: false },
  });
  app.setValidatorCompiler(createValidatorCompiler());
  app.addSchema(PROBLEM_SCHEMA);
  app.decorateRequest('principal', undefined);
  app.decorateRequest('correlationId', '');

  const openapi = createOpenApiCollector({
    title: 'Sentinel platform API',
    version: '1.0.0',
    description: 'Specifications, test runs, findings, users, API keys and the audit log of a Sentinel platform.',
  });
  app.addHook('onRoute', (route) => {
    requireAccessRule(route);
    addCommonResponses(route);
    openapi.onRoute(route);
  });

  app.setErrorHandler((error: Error & { statusCode?: number; validation?: unknown[]; validationContext?: string; code?: string }, request, reply) => {
    if (error instanceof HttpProblem) return sendProblem(reply, request, error.status, error.detail, error.errors, error.headers);
    if (error.validation !== undefined) {
      const details = problemDetails(error.validation as never, error.validationContext ?? 'body');
      return sendProblem(reply, request, 400, `invalid ${error.validationContext ?? 'request'}: ${details.map((d) => `${d.path} ${d.message}`).join('; ')}`, details);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const detail = status === 413 ? `the request body is larger than the limit of ${options.bodyLimit} bytes` : error.message;
      return sendProblem(reply, request, status, detail, status === 400 ? [{ path: 'body', message: error.message }] : undefined);
    }
    request.log.error(error);
    return sendProblem(reply, request, 500, 'the server failed to handle this request; the correlation ID identifies it in the logs');
  });
  app.setNotFoundHandler((request, reply) => sendProblem(reply, request, 404, `no route ${request.method} ${request.url.split('?')[0]}`));

  await app.register(helmet, {
    contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], scriptSrc: ["'none'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", 'data:'] } },
  });
  await app.register(multipart, { attachFieldsToBody: 'keyValues', limits: { fileSize: options.bodyLimit, files: 1, fields: 5 } });

  // Who is calling and whether they may: before the body is read, so a refused request costs nothing.
  app.addHook('onRequest', async (request, reply) => {
    request.correlationId = correlationIdOf(request.headers['x-correlation-id']);
    void reply.header('x-correlation-id', request.correlationId);
    const config = request.routeOptions.config;
    if (config.access === 'public' || request.routeOptions.url === undefined) return;
    const credential = credentialOf(request.headers);
    if (credential === undefined) throw new HttpProblem(401, 'authentication required: send Authorization: Bearer <token> or X-API-Key: <key>', undefined, { 'www-authenticate': 'Bearer' });
    if ('malformed' in credential) throw new HttpProblem(401, credential.malformed, [{ path: 'header/authorization', message: credential.malformed }], { 'www-authenticate': 'Bearer' });
    const principal = await options.authenticate(credential.token);
    if (principal === undefined) throw new HttpProblem(401, 'the token or API key is invalid, expired or revoked', undefined, { 'www-authenticate': 'Bearer error="invalid_token"' });
    request.principal = principal;
    if (config.permission !== undefined && !allows(principal.role, config.permission)) {
      throw new HttpProblem(403, `the role ${principal.role} does not have the permission ${config.permission}`);
    }
  });

  await app.register(rateLimit, {
    global: true,
    hook: 'preParsing',
    max: options.rateLimitPerMinute,
    timeWindow: 60_000,
    enableDraftSpec: true,
    keyGenerator: (request) => request.principal?.userId ?? request.ip,
    errorResponseBuilder: (_request, context) =>
      new HttpProblem(429, `too many requests: at most ${context.max} a minute; retry after ${Math.ceil(context.ttl / 1000)} s`, undefined, { 'retry-after': String(Math.ceil(context.ttl / 1000)) }),
  });

  app.get('/health', { config: { access: 'public' }, schema: { operationId: 'health', summary: 'The server is alive', tags: ['platform'], response: { 200: statusSchema } } }, async () => ({ status: 'ok' }));
  app.get(
    '/ready',
    { config: { access: 'public' }, schema: { operationId: 'ready', summary: 'The database is reachable and migrated', tags: ['platform'], response: { 200: statusSchema, 503: PROBLEM_REF } } },
    async (request, reply) => ((await options.isReady()) ? { status: 'ready' } : sendProblem(reply, request, 503, 'the database is not reachable or not migrated')),
  );
  app.get('/openapi.json', { config: { access: 'public' }, schema: HIDDEN }, async (request) => openapi.document(`${request.protocol}://${request.host}`));
  app.get('/docs', { config: { access: 'public' }, schema: HIDDEN }, async (request, reply) =>
    reply.type('text/html; charset=utf-8').send(renderDocsPage(openapi.document(`${request.protocol}://${request.host}`))),
  );

  await app.register(
    async (api) => {
      for (const service of options.services) await api.register(service);
    },
    { prefix: '/api/v1' },
  );
  return app;
}

const statusSchema = { type: 'object', required: ['status'], properties: { status: { type: 'string' } } } as const;

export function sendProblem(reply: FastifyReply, request: FastifyRequest, status: number, detail: string, errors?: ProblemDetail[], headers: Record<string, string> = {}) {
  const problem = { ...problemOf(status, detail, errors), instance: request.url.split('?')[0], correlationId: request.correlationId };
  for (const [name, value] of Object.entries(headers)) void reply.header(name, value);
  return reply.code(status).type('application/problem+json').send(problem);
}

/** A route that says nothing about who may call it is a mistake caught when the server starts. */
function requireAccessRule(route: RouteOptions): void {
  const config = route.config as { permission?: string; access?: string } | undefined;
  if (config?.permission === undefined && config?.access === undefined && !route.url.startsWith('/documentation')) {
    throw new Error(`route ${String(route.method)} ${route.url} declares neither a permission nor public/authenticated access`);
  }
}

/** The problems every route can answer, declared so the OpenAPI document is complete. */
function addCommonResponses(route: RouteOptions): void {
  const schema = (route.schema ??= {}) as Record<string, unknown>;
  if (schema.hide === true) return;
  const response = (schema.response ??= {}) as Record<string, unknown>;
  const config = route.config as { access?: string } | undefined;
  const add = (status: number, description: string) => {
    response[status] ??= { description, ...PROBLEM_REF };
  };
  if (schema.body !== undefined || schema.querystring !== undefined || schema.params !== undefined) add(400, 'invalid input: every problem is listed');
  if (config?.access !== 'public') {
    add(401, 'no credential, or an invalid one');
    add(403, 'the role lacks the permission');
  }
  if (schema.params !== undefined) add(404, 'not found');
  if (schema.body !== undefined) {
    add(413, 'the body is larger than the limit');
    add(415, 'unsupported content type');
  }
  add(429, 'rate limit exceeded');
}
