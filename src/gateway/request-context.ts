// The audit context of a request: who, from which address, under which correlation ID.
import type { FastifyRequest } from 'fastify';
import type { RequestContext } from '../auth/audit-log.js';

export function contextOf(request: FastifyRequest): RequestContext {
  return { ...(request.principal ? { principal: request.principal } : {}), address: request.ip, correlationId: request.correlationId };
}
