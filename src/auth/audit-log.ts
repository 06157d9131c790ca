// The audit log: who did what to which thing, when, from where, under which correlation ID. Every write
// and every login attempt records one event.
import type { Kysely } from 'kysely';
import type { AuditEventRow, Schema } from '../data/schema.js';
import type { Principal } from './principal.js';

/** Where a request came from, carried into the audit events it causes. */
export interface RequestContext {
  principal?: Principal;
  address: string;
  correlationId: string;
}

export interface AuditEntry {
  action: string;
  targetType?: string;
  targetId?: string;
  /** The actor's name when there is no principal yet (a login attempt). */
  actor?: string;
  details?: Record<string, unknown>;
}

export async function recordAudit(db: Kysely<Schema>, context: RequestContext, entry: AuditEntry): Promise<void> {
  const principal = context.principal;
  await db
    .insertInto('audit_events')
    .values({
      actor_id: principal?.userId ?? null,
      actor: principal ? (principal.kind === 'api-key' ? `${principal.username} (API key ${principal.apiKeyId})` : principal.username) : (entry.actor ?? null),
      action: entry.action,
      target_type: entry.targetType ?? null,
      target_id: entry.targetId ?? null,
      address: context.address,
      correlation_id: context.correlationId,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

export interface AuditFilter {
  action?: string;
  actorId?: string;
  targetType?: string;
  targetId?: string;
  correlationId?: string;
  from?: string;
  to?: string;
  page: number;
  limit: number;
}

export interface AuditEventView {
  id: string;
  at: string;
  actorId: string | null;
  actor: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  address: string | null;
  correlationId: string | null;
  details: Record<string, unknown>;
}

export async function listAudit(db: Kysely<Schema>, filter: AuditFilter): Promise<{ items: AuditEventView[]; total: number }> {
  let query = db.selectFrom('audit_events');
  if (filter.action !== undefined) query = query.where('action', '=', filter.action);
  if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId);
  if (filter.targetType !== undefined) query = query.where('target_type', '=', filter.targetType);
  if (filter.targetId !== undefined) query = query.where('target_id', '=', filter.targetId);
  if (filter.correlationId !== undefined) query = query.where('correlation_id', '=', filter.correlationId);
  if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('at', '<', filter.to);
  const { total } = await query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy('at', 'desc')
    .orderBy('id')
    .limit(filter.limit)
    .offset((filter.page - 1) * filter.limit)
    .execute();
  return { items: rows.map(auditView), total: Number(total) };
}

function auditView(row: AuditEventRow): AuditEventView {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actor: row.actor,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    address: row.address,
    correlationId: row.correlation_id,
    details: row.details,
  };
}
