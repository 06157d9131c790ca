// What the gateway adds to every request, and what a route declares about who may call it.
import type { Principal } from '../auth/principal.js';
import type { Permission } from '../auth/roles.js';

/** `public`: anyone; `authenticated`: any signed-in principal; otherwise the permission it needs. */
export type RouteAccess = { permission: Permission } | { access: 'public' | 'authenticated' };

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
    correlationId: string;
  }
  /** What the OpenAPI document says of a route. */
  interface FastifySchema {
    operationId?: string;
    summary?: string;
    description?: string;
    tags?: string[];
    /** Left out of the OpenAPI document (the document itself, the docs page). */
    hide?: boolean;
  }
  interface FastifyContextConfig {
    permission?: Permission;
    access?: 'public' | 'authenticated';
  }
}

export interface PageQuery {
  page: number;
  limit: number;
}

export const MAX_PAGE_LIMIT = 200;

/** Query parameters every list accepts. */
export const PAGE_QUERY_PROPERTIES = {
  page: { type: 'integer', minimum: 1, maximum: 1_000_000, default: 1, description: 'page number, from 1' },
  limit: { type: 'integer', minimum: 1, maximum: MAX_PAGE_LIMIT, default: 50, description: `items per page, at most ${MAX_PAGE_LIMIT}` },
} as const;

/** `{items, total, page, limit}` over an item schema. */
export function pageOf(item: object) {
  return {
    type: 'object',
    required: ['items', 'total', 'page', 'limit'],
    properties: { items: { type: 'array', items: item }, total: { type: 'integer' }, page: { type: 'integer' }, limit: { type: 'integer' } },
  } as const;
}

export const ID_PARAMS = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: { id: { type: 'string', format: 'uuid' } },
} as const;

export const ISO_TIME = { type: 'string', format: 'date-time' } as const;
