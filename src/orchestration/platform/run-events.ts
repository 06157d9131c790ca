// A run's event stream as the platform keeps it: numbered (the SSE id), secrets removed, buffered for
// live listeners and written to the database in batches. Exchange events (one per request) are neither
// kept nor streamed: findings carry the exchanges that matter, redacted.
import type { Kysely } from 'kysely';
import { appendRunEvents } from '../../data/platform-runs.js';
import type { Schema } from '../../data/schema.js';
import { redactFinding } from '../../execution/redaction/redact-finding.js';
import { scrubSecrets } from '../../execution/redaction/redact.js';
import type { RunEvent } from '../../core/events.js';

export interface StoredEvent {
  seq: number;
  type: string;
  data: unknown;
}

export type EventListener = (event: StoredEvent) => void;

const FLUSH_EVERY_MS = 250;

export class RunEventLog {
  readonly events: StoredEvent[] = [];
  private readonly listeners = new Set<EventListener>();
  private pending: StoredEvent[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  writeError: unknown;

  constructor(
    private readonly db: Kysely<Schema>,
    private readonly runId: string,
    /** Credential values of the run, removed from anything kept. */
    private readonly secrets: string[],
    private readonly secretNames: () => string[],
  ) {}

  /** The engine's event, in the form kept and streamed; undefined for events not kept. */
  private shape(event: RunEvent): unknown {
    switch (event.type) {
      case 'exchange':
        return undefined;
      case 'run.started':
        return { ...event, runId: this.runId };
      case 'finding':
        return { type: 'finding', finding: redactFinding(event.finding, this.secretNames()) };
      case 'run.finished':
        return { type: 'run.finished', summary: { ...event.result.summary, runId: this.runId } };
      default:
        return event;
    }
  }

  /** Engine events; `exchange` events are dropped. */
  onEngineEvent(event: RunEvent): void {
    const data = this.shape(event);
    if (data !== undefined) this.push(event.type, data);
  }

  push(type: string, data: unknown): void {
    const scrubbed = JSON.parse(scrubSecrets(JSON.stringify(data), this.secrets)) as unknown;
    const stored: StoredEvent = { seq: this.events.length + 1, type, data: scrubbed };
    this.events.push(stored);
    this.pending.push(stored);
    for (const listener of this.listeners) listener(stored);
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_EVERY_MS);
  }

  subscribe(afterSeq: number, listener: EventListener): () => void {
    for (const event of this.events) if (event.seq > afterSeq) listener(event);
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Writes what is pending; batches queue behind each other so sequence order is kept. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    this.writing = this.writing.then(() =>
      appendRunEvents(
        this.db,
        batch.map((event) => ({ runId: this.runId, seq: event.seq, type: event.type, payload: JSON.stringify(event.data) })),
      ).catch((error: unknown) => {
        // Live listeners already have these events; a replay after a failed write misses them.
        this.writeError = error;
      }),
    );
    return this.writing;
  }

  close(): void {
    this.listeners.clear();
  }
}
