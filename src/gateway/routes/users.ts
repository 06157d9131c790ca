// /api/v1/users (admin): create, list, change, delete.
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { PlatformRole } from '../../auth/roles.js';
import { createUser, deleteUser, getUser, listUsers, updateUser, USERNAME_PATTERN, type UserChange } from '../../auth/users.js';
import type { Schema } from '../../data/schema.js';
import { contextOf } from '../request-context.js';
import { ID_PARAMS, PAGE_QUERY_PROPERTIES, pageOf, type PageQuery } from '../types.js';
import { ROLE_SCHEMA, USER_SCHEMA } from './user-schemas.js';

const PASSWORD = { type: 'string', minLength: 12, maxLength: 256 } as const;

export function userRoutes(db: Kysely<Schema>): FastifyPluginAsync {
  return async (app) => {
    app.post<{ Body: { username: string; password: string; role: PlatformRole } }>(
      '/users',
      {
        config: { permission: 'users:create' },
        schema: {
          operationId: 'createUser',
          summary: 'Create a user',
          tags: ['users'],
          body: {
            type: 'object',
            required: ['username', 'password', 'role'],
            additionalProperties: false,
            properties: { username: { type: 'string', pattern: USERNAME_PATTERN }, password: PASSWORD, role: ROLE_SCHEMA },
          },
          response: { 201: USER_SCHEMA, 409: { description: 'the username is taken', $ref: 'Problem#' } },
        },
      },
      async (request, reply) => reply.code(201).send(await createUser(db, contextOf(request), request.body)),
    );

    app.get<{ Querystring: PageQuery & { q?: string } }>(
      '/users',
      {
        config: { permission: 'users:read' },
        schema: {
          operationId: 'listUsers',
          summary: 'List users',
          tags: ['users'],
          querystring: { type: 'object', additionalProperties: false, properties: { ...PAGE_QUERY_PROPERTIES, q: { type: 'string', maxLength: 64, description: 'part of the username' } } },
          response: { 200: pageOf(USER_SCHEMA) },
        },
      },
      async (request) => {
        const { page, limit, q } = request.query;
        return { ...(await listUsers(db, page, limit, q)), page, limit };
      },
    );

    app.get<{ Params: { id: string } }>(
      '/users/:id',
      {
        config: { permission: 'users:read' },
        schema: { operationId: 'getUser', summary: 'One user', tags: ['users'], params: ID_PARAMS, response: { 200: USER_SCHEMA } },
      },
      async (request) => getUser(db, request.params.id),
    );

    app.patch<{ Params: { id: string }; Body: UserChange }>(
      '/users/:id',
      {
        config: { permission: 'users:update' },
        schema: {
          operationId: 'updateUser',
          summary: "Change a user's role, password or disabled state",
          tags: ['users'],
          params: ID_PARAMS,
          body: { type: 'object', additionalProperties: false, minProperties: 1, properties: { password: PASSWORD, role: ROLE_SCHEMA, disabled: { type: 'boolean' } } },
          response: { 200: USER_SCHEMA, 409: { description: 'the change would leave no enabled admin', $ref: 'Problem#' } },
        },
      },
      async (request) => updateUser(db, contextOf(request), request.params.id, request.body),
    );

    app.delete<{ Params: { id: string } }>(
      '/users/:id',
      {
        config: { permission: 'users:delete' },
        schema: {
          operationId: 'deleteUser',
          summary: 'Delete a user (their API keys are revoked)',
          tags: ['users'],
          params: ID_PARAMS,
          response: { 204: { description: 'deleted', type: 'null' }, 409: { description: 'the last admin, or oneself', $ref: 'Problem#' } },
        },
      },
      async (request, reply) => {
        await deleteUser(db, contextOf(request), request.params.id);
        return reply.code(204).send();
      },
    );
  };
}
