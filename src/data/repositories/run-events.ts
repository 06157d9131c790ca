// The engine's event stream of each run, numbered from 1, so a client that lost its connection asks
// for what came after the last number it saw (server-sent events' Last-Event-ID).
import type { Kysely } from 'kysely';
import type { Schema } from '../schema.js';

export interface RunEventRecord {
  seq: number;
  type: string;
  payload: unknown;
  createdAt: string;
}

export interface NewRunEvent {
  seq: number;
  type: string;
  payload: unknown;
}

const EVENT_BATCH_ROWS = 2_000;

/** Appends events with the numbers given; a number already stored is kept as it was. */
export async function insertEventRows(db: Kysely<Schema>, runId: string, events: readonly NewRunEvent[]): Promise<void> {
  for (let start = 0; start < events.length; start += EVENT_BATCH_ROWS) {
    await db
      .insertInto('run_events')
      .values(events.slice(start, start + EVENT_BATCH_ROWS).map((e) => ({ run_id: runId, seq: e.seq, type: e.type, payload: JSON.stringify(e.payload) })))
      .onConflict((oc) => oc.columns(['run_id', 'seq']).doNothing())
      .execute();
  }
}

export function runEventsRepository(db: Kysely<Schema>) {
  return {
    append: (runId: string, events: readonly NewRunEvent[]) => insertEventRows(db, runId, events),

    /** Events numbered after `afterSeq` (0: from the start), in order. */
    async after(runId: string, afterSeq = 0, limit = 1_000): Promise<RunEventRecord[]> {
      const rows = await db
        .selectFrom('run_events')
        .select(['seq', 'type', 'payload', 'created_at'])
        .where('run_id', '=', runId)
        .where('seq', '>', afterSeq)
        .orderBy('seq')
        .limit(Math.max(1, limit))
        .execute();
      return rows.map((row) => ({ seq: row.seq, type: row.type, payload: row.payload, createdAt: row.created_at }));
    },

    /** The highest number stored for the run (0 when none). */
    async lastSeq(runId: string): Promise<number> {
      const row = await db.selectFrom('run_events').select((eb) => eb.fn.max('seq').as('last')).where('run_id', '=', runId).executeTakeFirst();
      return Number(row?.last ?? 0);
    },
  };
}

export type RunEventsRepository = ReturnType<typeof runEventsRepository>;
