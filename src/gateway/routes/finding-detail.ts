// GET /api/v1/test-runs/{id}/findings/{findingId}: one finding, for a page or a link that names it.
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { getRunFinding } from '../../data/finding-by-id.js';
import type { Schema } from '../../data/schema.js';
import { notFound } from '../../core/service-error.js';
import { FINDING, findingView } from './test-runs.js';

const PARAMS = {
  type: 'object',
  required: ['id', 'findingId'],
  additionalProperties: false,
  properties: { id: { type: 'string', format: 'uuid' }, findingId: { type: 'string', format: 'uuid' } },
} as const;

export function findingDetailRoutes(db: Kysely<Schema>): FastifyPluginAsync {
  return async (app) => {
    app.get<{ Params: { id: string; findingId: string } }>(
      '/test-runs/:id/findings/:findingId',
      {
        config: { permission: 'findings:read' },
        schema: { operationId: 'getTestRunFinding', summary: 'One finding of a run: request, response, evidence, curl, steps', tags: ['test-runs'], params: PARAMS, response: { 200: FINDING } },
      },
      async (request) => {
        const row = await getRunFinding(db, request.params.id, request.params.findingId);
        if (row === undefined) throw notFound('finding');
        return findingView(row);
      },
    );
  };
}
