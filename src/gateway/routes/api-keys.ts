// /api/v1/api-keys (manager and admin): create (the key is shown once), list, revoke.
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { createApiKey, listApiKeys, revokeApiKey } from '../../auth/api-keys.js';
import type { PlatformRole } from '../../auth/roles.js';
import type { Schema } from '../../data/schema.js';
import { contextOf } from '../request-context.js';
import { ID_PARAMS, PAGE_QUERY_PROPERTIES, pageOf, type PageQuery } from '../types.js';
import { API_KEY_SCHEMA, ROLE_SCHEMA } from './user-schemas.js';

const CREATED = {
  ...API_KEY_SCHEMA,
  required: [...API_KEY_SCHEMA.required, 'key'],
  properties: { ...API_KEY_SCHEMA.properties, key: { type: 'string', description: 'the key itself: shown only in this answer' } },
} as const;

export function apiKeyRoutes(db: Kysely<Schema>): FastifyPluginAsync {
  return async (app) => {
    app.post<{ Body: { name: string; role?: PlatformRole; expiresInDays?: number } }>(
      '/api-keys',
      {
        config: { permission: 'api-keys:create' },
        schema: {
          operationId: 'createApiKey',
          summary: 'Create an API key for CI (shown once)',
          tags: ['api-keys'],
          body: {
            type: 'object',
            required: ['name'],
            additionalProperties: false,
            properties: { name: { type: 'string', minLength: 1, maxLength: 100 }, role: ROLE_SCHEMA, expiresInDays: { type: 'integer', minimum: 1, maximum: 3650, description: 'the key stops working after this many days' } },
          },
          response: { 201: CREATED },
        },
      },
      async (request, reply) => reply.code(201).send(await createApiKey(db, contextOf(request), request.body)),
    );

    app.get<{ Querystring: PageQuery }>(
      '/api-keys',
      {
        config: { permission: 'api-keys:read' },
        schema: {
          operationId: 'listApiKeys',
          summary: 'List API keys (never the keys themselves)',
          tags: ['api-keys'],
          querystring: { type: 'object', additionalProperties: false, properties: PAGE_QUERY_PROPERTIES },
          response: { 200: pageOf(API_KEY_SCHEMA) },
        },
      },
      async (request) => ({ ...(await listApiKeys(db, request.query.page, request.query.limit)), page: request.query.page, limit: request.query.limit }),
    );

    app.delete<{ Params: { id: string } }>(
      '/api-keys/:id',
      {
        config: { permission: 'api-keys:revoke' },
        schema: { operationId: 'revokeApiKey', summary: 'Revoke an API key', tags: ['api-keys'], params: ID_PARAMS, response: { 204: { description: 'revoked', type: 'null' } } },
      },
      async (request, reply) => {
        await revokeApiKey(db, contextOf(request), request.params.id);
        return reply.code(204).send();
      },
    );
  };
}
