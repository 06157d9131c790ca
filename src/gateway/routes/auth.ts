// /api/v1/auth: login, refresh, logout, me, and changing one's own password.
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { LoginThrottle } from '../../auth/login-throttle.js';
import { changeOwnPassword, login, logout, refresh } from '../../auth/sessions.js';
import { getUser } from '../../auth/users.js';
import type { Schema } from '../../data/schema.js';
import { contextOf } from '../request-context.js';
import '../types.js';
import { ROLE_SCHEMA, USER_SCHEMA } from './user-schemas.js';

export interface AuthRoutesDeps {
  db: Kysely<Schema>;
  jwtSecret: Uint8Array;
  throttle: LoginThrottle;
  loginRateLimitPerMinute: number;
}

const TOKENS = {
  type: 'object',
  required: ['accessToken', 'refreshToken', 'tokenType', 'expiresIn'],
  properties: { accessToken: { type: 'string' }, refreshToken: { type: 'string' }, tokenType: { type: 'string', enum: ['Bearer'] }, expiresIn: { type: 'integer' } },
} as const;

const SECRET = { type: 'string', minLength: 1, maxLength: 1024 } as const;

export function authRoutes(deps: AuthRoutesDeps): FastifyPluginAsync {
  return async (app) => {
    const sessions = { db: deps.db, jwtSecret: deps.jwtSecret, throttle: deps.throttle };
    const strict = { rateLimit: { max: deps.loginRateLimitPerMinute, timeWindow: 60_000, keyGenerator: (request: { ip: string }) => `login:${request.ip}` } };

    app.post<{ Body: { username: string; password: string } }>(
      '/auth/login',
      {
        config: { access: 'public', ...strict },
        schema: {
          operationId: 'login',
          summary: 'Log in with a username and password',
          tags: ['auth'],
          body: { type: 'object', required: ['username', 'password'], additionalProperties: false, properties: { username: { type: 'string', minLength: 1, maxLength: 64 }, password: SECRET } },
          response: { 200: TOKENS, 401: { description: 'wrong username or password', $ref: 'Problem#' } },
        },
      },
      async (request) => login(sessions, contextOf(request), request.body.username, request.body.password),
    );

    app.post<{ Body: { refreshToken: string } }>(
      '/auth/refresh',
      {
        config: { access: 'public', ...strict },
        schema: {
          operationId: 'refreshTokens',
          summary: 'Exchange a refresh token for new tokens (the old refresh token stops working)',
          tags: ['auth'],
          body: { type: 'object', required: ['refreshToken'], additionalProperties: false, properties: { refreshToken: SECRET } },
          response: { 200: TOKENS, 401: { description: 'invalid, expired or reused refresh token', $ref: 'Problem#' } },
        },
      },
      async (request) => refresh(sessions, contextOf(request), request.body.refreshToken),
    );

    app.post<{ Body: { refreshToken?: string } | undefined }>(
      '/auth/logout',
      {
        config: { access: 'authenticated' },
        schema: {
          operationId: 'logout',
          summary: "End the session of a refresh token, or all the caller's sessions",
          tags: ['auth'],
          body: { type: 'object', additionalProperties: false, properties: { refreshToken: SECRET } },
          response: { 204: { description: 'logged out', type: 'null' } },
        },
      },
      async (request, reply) => {
        await logout(sessions, contextOf(request), request.body?.refreshToken);
        return reply.code(204).send();
      },
    );

    app.get(
      '/auth/me',
      {
        config: { access: 'authenticated' },
        schema: {
          operationId: 'me',
          summary: 'Who the caller is',
          tags: ['auth'],
          response: {
            200: {
              type: 'object',
              required: ['id', 'username', 'role', 'kind'],
              properties: { ...USER_SCHEMA.properties, kind: { type: 'string', enum: ['user', 'api-key'] }, apiKeyId: { type: 'string', format: 'uuid' }, role: ROLE_SCHEMA },
            },
          },
        },
      },
      async (request) => {
        const principal = request.principal!;
        const user = await getUser(deps.db, principal.userId);
        return { ...user, role: principal.role, kind: principal.kind, ...(principal.apiKeyId ? { apiKeyId: principal.apiKeyId } : {}) };
      },
    );

    app.post<{ Body: { currentPassword: string; newPassword: string } }>(
      '/auth/password',
      {
        config: { access: 'authenticated' },
        schema: {
          operationId: 'changePassword',
          summary: "Change the caller's own password (ends the caller's other sessions)",
          tags: ['auth'],
          body: { type: 'object', required: ['currentPassword', 'newPassword'], additionalProperties: false, properties: { currentPassword: SECRET, newPassword: SECRET } },
          response: { 204: { description: 'changed', type: 'null' } },
        },
      },
      async (request, reply) => {
        await changeOwnPassword(sessions, contextOf(request), request.body.currentPassword, request.body.newPassword);
        return reply.code(204).send();
      },
    );
  };
}
