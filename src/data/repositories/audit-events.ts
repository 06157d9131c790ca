// The audit log: who did what to which target, when, from where, under which correlation ID.
import type { Kysely } from 'kysely';
import { pageWindow, toCount, type Page, type PageRequest } from '../pagination.js';
import type { AuditEventRow, Schema } from '../schema.js';

export interface AuditEvent {
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

export interface NewAuditEvent {
  action: string;
  actorId?: string | null;
  /** A readable name: the username, or `api-key:<prefix>`. */
  actor?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  address?: string | null;
  correlationId?: string | null;
  details?: Record<string, unknown>;
  at?: Date;
}

export interface AuditEventFilter extends PageRequest {
  actorId?: string;
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  correlationId?: string;
  from?: Date;
  to?: Date;
}

export function auditEventsRepository(db: Kysely<Schema>) {
  return {
    async record(event: NewAuditEvent): Promise<AuditEvent> {
      const row = await db
        .insertInto('audit_events')
        .values({
          action: event.action,
          actor_id: event.actorId ?? null,
          actor: event.actor ?? null,
          target_type: event.targetType ?? null,
          target_id: event.targetId ?? null,
          address: event.address ?? null,
          correlation_id: event.correlationId ?? null,
          details: JSON.stringify(event.details ?? {}),
          ...(event.at ? { at: event.at.toISOString() } : {}),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toAuditEvent(row);
    },

    /** Newest first. */
    async list(filter: AuditEventFilter = {}): Promise<Page<AuditEvent>> {
      const { page, limit, offset } = pageWindow(filter);
      let query = db.selectFrom('audit_events');
      if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId);
      if (filter.actor !== undefined) query = query.where('actor', '=', filter.actor);
      if (filter.action !== undefined) query = query.where('action', '=', filter.action);
      if (filter.targetType !== undefined) query = query.where('target_type', '=', filter.targetType);
      if (filter.targetId !== undefined) query = query.where('target_id', '=', filter.targetId);
      if (filter.correlationId !== undefined) query = query.where('correlation_id', '=', filter.correlationId);
      if (filter.from !== undefined) query = query.where('at', '>=', filter.from.toISOString());
      if (filter.to !== undefined) query = query.where('at', '<', filter.to.toISOString());
      const [rows, count] = await Promise.all([
        query.selectAll().orderBy('at', 'desc').orderBy('id').limit(limit).offset(offset).execute(),
        query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(toAuditEvent), total: toCount(count.total), page, limit };
    },
  };
}

export type AuditEventsRepository = ReturnType<typeof auditEventsRepository>;

function toAuditEvent(row: AuditEventRow): AuditEvent {
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
