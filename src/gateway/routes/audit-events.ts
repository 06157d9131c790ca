// /api/v1/audit-events (admin): the audit log, newest first, with filters.
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { listAudit, type AuditFilter } from '../../auth/audit-log.js';
import type { Schema } from '../../data/schema.js';
import { ISO_TIME, PAGE_QUERY_PROPERTIES, pageOf } from '../types.js';

const NULLABLE_TEXT = { type: ['string', 'null'] } as const;

const AUDIT_EVENT = {
  type: 'object',
  required: ['id', 'at', 'action'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    at: ISO_TIME,
    actorId: { type: ['string', 'null'], format: 'uuid' },
    actor: NULLABLE_TEXT,
    action: { type: 'string' },
    targetType: NULLABLE_TEXT,
    targetId: NULLABLE_TEXT,
    address: NULLABLE_TEXT,
    correlationId: NULLABLE_TEXT,
    details: { type: 'object', additionalProperties: true },
  },
} as const;

export function auditRoutes(db: Kysely<Schema>): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Querystring: AuditFilter }>(
      '/audit-events',
      {
        config: { permission: 'audit-events:read' },
        schema: {
          operationId: 'listAuditEvents',
          summary: 'The audit log: every write and every login',
          tags: ['audit'],
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              ...PAGE_QUERY_PROPERTIES,
              action: { type: 'string', maxLength: 64, description: 'e.g. auth.login, test_run.create' },
              actorId: { type: 'string', format: 'uuid' },
              targetType: { type: 'string', maxLength: 64 },
              targetId: { type: 'string', maxLength: 128 },
              correlationId: { type: 'string', maxLength: 128 },
              from: { type: 'string', format: 'date-time', description: 'at or after' },
              to: { type: 'string', format: 'date-time', description: 'before' },
            },
          },
          response: { 200: pageOf(AUDIT_EVENT) },
        },
      },
      async (request) => ({ ...(await listAudit(db, request.query)), page: request.query.page, limit: request.query.limit }),
    );
  };
}
