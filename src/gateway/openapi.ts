// The platform's own OpenAPI 3.1 document, generated from the schemas of the routes as they register.
import type { RouteOptions } from 'fastify';
import { PROBLEM_SCHEMA } from './problem.js';

interface RouteDoc {
  method: string;
  path: string;
  schema: Record<string, unknown>;
  secured: boolean;
}

export interface OpenApiCollector {
  onRoute(route: RouteOptions): void;
  document(serverUrl?: string): Record<string, unknown>;
}

const STRIP = new Set(['$id']);

/** Fastify's `Problem#` references become OpenAPI component references; `$id`s are dropped. */
function toOpenApi(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toOpenApi);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (STRIP.has(key)) continue;
    if (key === '$ref' && value === 'Problem#') out.$ref = '#/components/schemas/Problem';
    else out[key] = toOpenApi(value);
  }
  return out;
}

function parameters(schema: Record<string, unknown>, location: 'path' | 'query'): unknown[] {
  const object = schema as { properties?: Record<string, Record<string, unknown>>; required?: string[] } | undefined;
  return Object.entries(object?.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: location,
      required: location === 'path' || (object?.required ?? []).includes(name),
      ...(description !== undefined ? { description } : {}),
      schema: toOpenApi(rest),
    };
  });
}

function requestBody(body: Record<string, unknown>): unknown {
  const content = body.content as Record<string, { schema: unknown }> | undefined;
  if (content !== undefined) {
    return { required: true, content: Object.fromEntries(Object.entries(content).map(([type, entry]) => [type, { schema: toOpenApi(entry.schema) }])) };
  }
  return { required: true, content: { 'application/json': { schema: toOpenApi(body) } } };
}

function responses(schema: Record<string, unknown>): Record<string, unknown> {
  const declared = (schema.response ?? {}) as Record<string, Record<string, unknown>>;
  const out: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(declared)) {
    const { description, content, ...body } = response as { description?: string; content?: Record<string, unknown> } & Record<string, unknown>;
    const isProblem = body.$ref === 'Problem#';
    const mediaType = isProblem ? 'application/problem+json' : 'application/json';
    const hasBody = Object.keys(body).length > 0;
    out[status] = {
      description: description ?? (isProblem ? 'problem' : 'success'),
      ...(content !== undefined ? { content: toOpenApi(content) } : hasBody ? { content: { [mediaType]: { schema: toOpenApi(body) } } } : {}),
    };
  }
  return out;
}

export function createOpenApiCollector(info: { title: string; version: string; description: string }): OpenApiCollector {
  const routes: RouteDoc[] = [];
  return {
    onRoute(route) {
      const schema = route.schema as Record<string, unknown> | undefined;
      if (schema === undefined || schema.hide === true) return;
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      for (const method of methods) {
        if (method === 'HEAD') continue;
        routes.push({ method: method.toLowerCase(), path: route.url.replace(/:([A-Za-z0-9_]+)/g, '{$1}'), schema, secured: route.config?.access !== 'public' });
      }
    },
    document(serverUrl) {
      const paths: Record<string, Record<string, unknown>> = {};
      for (const route of routes) {
        const { schema } = route;
        const operation: Record<string, unknown> = {
          operationId: schema.operationId,
          summary: schema.summary,
          ...(schema.description !== undefined ? { description: schema.description } : {}),
          tags: schema.tags,
          parameters: [...parameters(schema.params as Record<string, unknown>, 'path'), ...parameters(schema.querystring as Record<string, unknown>, 'query')],
          ...(schema.body !== undefined ? { requestBody: requestBody(schema.body as Record<string, unknown>) } : {}),
          responses: responses(schema),
          security: route.secured ? [{ bearerAuth: [] }, { apiKeyAuth: [] }] : [],
        };
        (paths[route.path] ??= {})[route.method] = operation;
      }
      return {
        openapi: '3.1.0',
        info,
        ...(serverUrl !== undefined ? { servers: [{ url: serverUrl }] } : {}),
        paths,
        components: {
          schemas: { Problem: toOpenApi(PROBLEM_SCHEMA) },
          securitySchemes: {
            bearerAuth: { type: 'http', scheme: 'bearer', description: 'an access token from POST /api/v1/auth/login, or an API key' },
            apiKeyAuth: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
          },
        },
      };
    },
  };
}
