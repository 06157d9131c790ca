// The data service's handler of the engine's event stream: it buffers a run's events and stores them in
// batches, one transaction per batch — exchanges as results, finished cases and scenarios as executions,
// findings, and every event in run_events (numbered, for resumable server-sent events). The engine never
// waits for the database: `handle` only buffers; `flush`/`close` wait and report a failed write.
import type { Kysely } from 'kysely';
import type { Exchange } from '../core/exchange.js';
import type { Finding } from '../core/finding.js';
import type { RunEvent } from '../core/events.js';
import { redactFinding } from '../execution/redaction/redact-finding.js';
import { redactUrl } from '../execution/redaction/redact.js';
import { findingFingerprint } from './fingerprint.js';
import type { ResultPartitions } from './partitions.js';
import { insertFindingRows } from './repositories/findings.js';
import { insertExecutionRows, insertResultRows, type ExecutionInput } from './repositories/results.js';
import { insertEventRows, type NewRunEvent } from './repositories/run-events.js';
import type { Schema } from './schema.js';

export interface RunWriterOptions {
  /** The description's apiKey parameter names, redacted on top of the built-in secret names. */
  secretNames?: readonly string[];
  /** Buffered events that start a write at once (default 500). */
  batchSize?: number;
  /** The longest an event waits in the buffer (default 250 ms). */
  flushIntervalMs?: number;
}

export interface RunWriter {
  /** A RunEventHandler: buffers the event and returns at once. */
  handle: (event: RunEvent) => void;
  /** Writes everything buffered so far; rejects if a write failed (its events stay buffered for the next flush). */
  flush: () => Promise<void>;
  /** Flushes and stops the timer. */
  close: () => Promise<void>;
  /** The number of the last event handled (the Last-Event-ID of the newest event). */
  readonly lastSeq: number;
}

interface Store {
  db: Kysely<Schema>;
  partitions: ResultPartitions;
}

export async function createRunWriter(store: Store, runId: string, options: RunWriterOptions = {}): Promise<RunWriter> {
  const secretNames = options.secretNames ?? [];
  const batchSize = options.batchSize ?? 500;
  const last = await store.db.selectFrom('run_events').select((eb) => eb.fn.max('seq').as('last')).where('run_id', '=', runId).executeTakeFirst();
  let seq = Number(last?.last ?? 0);
  let exchanges: Exchange[] = [];
  let executions: ExecutionInput[] = [];
  let findings: Finding[] = [];
  let events: NewRunEvent[] = [];
  let writing: Promise<void> = Promise.resolve();
  let failure: unknown;
  let closed = false;

  /** A write is chained and has not taken the buffers yet: events arriving now will be in it. */
  let scheduled = false;

  const write = async (): Promise<void> => {
    scheduled = false;
    if (events.length === 0) return;
    const batch = { exchanges, executions, findings, events };
    exchanges = [];
    executions = [];
    findings = [];
    events = [];
    try {
      const createdAt = new Date();
      // Outside the transaction: PGlite has one connection, and a new partition should not wait on a batch.
      await store.partitions.ensureFor([createdAt]);
      await store.db.transaction().execute(async (trx) => {
        await insertResultRows(trx, runId, batch.exchanges, secretNames, createdAt);
        await insertExecutionRows(trx, runId, batch.executions);
        await insertFindingRows(trx, runId, batch.findings, secretNames);
        // Last: a client replaying events finds the rows they announce already stored.
        await insertEventRows(trx, runId, batch.events);
      });
    } catch (error) {
      // The transaction rolled back whole: keep the batch, ahead of newer events, for the next write.
      exchanges = [...batch.exchanges, ...exchanges];
      executions = [...batch.executions, ...executions];
      findings = [...batch.findings, ...findings];
      events = [...batch.events, ...events];
      throw error;
    }
  };

  const scheduleWrite = (): Promise<void> => {
    if (scheduled) return writing;
    scheduled = true;
    writing = writing.then(write).catch((error: unknown) => {
      failure ??= error;
    });
    return writing;
  };

  const timer = setInterval(() => {
    if (events.length > 0) void scheduleWrite();
  }, options.flushIntervalMs ?? 250);
  timer.unref();

  const flush = async (): Promise<void> => {
    await scheduleWrite();
    if (failure !== undefined) {
      const error = failure;
      failure = undefined;
      throw new Error(`storing the events of run ${runId} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  };

  return {
    handle(event: RunEvent): void {
      if (closed) return;
      seq += 1;
      events.push({ seq, type: event.type, payload: storedPayload(event, secretNames) });
      if (event.type === 'exchange') exchanges.push(event.exchange);
      else if (event.type === 'case.finished') {
        executions.push({ caseId: event.caseId, kind: 'case', operation: event.operation, agent: event.agent, requests: event.requests, transportError: event.transportError ?? null });
      } else if (event.type === 'scenario.finished') {
        executions.push({ caseId: event.scenarioId, kind: 'scenario', requests: event.steps });
      } else if (event.type === 'finding') findings.push(event.finding);
      if (events.length >= batchSize) void scheduleWrite();
    },
    flush,
    async close(): Promise<void> {
      closed = true;
      clearInterval(timer);
      await flush();
    },
    get lastSeq() {
      return seq;
    },
  };
}

/**
 * What an event replays as: exchanges in short (the whole exchange is a result row), findings redacted
 * with their fingerprint, the finished run as its summary (its findings were events already).
 */
export function storedPayload(event: RunEvent, secretNames: readonly string[] = []): unknown {
  switch (event.type) {
    case 'exchange': {
      const { exchange } = event;
      return {
        type: event.type,
        caseId: exchange.caseId,
        correlationId: exchange.correlationId,
        method: exchange.request.method,
        url: redactUrl(exchange.request.url, secretNames),
        status: exchange.response?.status ?? null,
        durationMs: exchange.durationMs,
        ...(exchange.error ? { error: exchange.error.code } : {}),
      };
    }
    case 'finding': {
      const finding = redactFinding(event.finding, secretNames);
      return { type: event.type, finding: { ...finding, fingerprint: findingFingerprint(finding) } };
    }
    case 'run.finished':
      return { type: event.type, summary: event.result.summary };
    default:
      return event;
  }
}
