// The platform's run service: validates and records a run (credentials sealed), executes it through a
// RunExecutor with a bounded number at once, keeps its events and findings, cancels on request or at
// shutdown. A run is never left `running`: it completes, fails or is cancelled, even across restarts.
import { randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import { recordAudit, type RequestContext } from '../../auth/audit-log.js';
import type { SecretBox } from '../../auth/secret-box.js';
import { cancelInterruptedRuns, completeRun, deleteRun, getRun, insertRun, markRunning, runEventsAfter, type StoredFinding } from '../../data/platform-runs.js';
import type { Schema } from '../../data/schema.js';
import { SentinelError } from '../../core/errors.js';
import type { Role } from '../../execution/auth/identity.js';
import { isUnresolvable, type OutboundPolicy } from '../../execution/outbound-policy.js';
import { redactFinding } from '../../execution/redaction/redact-finding.js';
import { scrubSecrets } from '../../execution/redaction/redact.js';
import { conflict, invalid, notFound, ServiceError } from '../../core/service-error.js';
import type { RunResult } from '../../core/run-result.js';
import { parseFilter } from '../select-operations.js';
import { RunEventLog, type EventListener } from './run-events.js';
import { AGENT_NAMES, type RunExecutor, type RunJobSettings } from './run-executor.js';
import { specificationSource } from './spec-library.js';

export interface StartRunInput {
  specificationId: string;
  baseUrl: string;
  agents?: string[];
  seed?: number;
  maxExamples?: number;
  concurrency?: number;
  timeoutMs?: number;
  include?: string[];
  exclude?: string[];
  headers?: Record<string, string>;
  identities?: { name: string; role: Role; headers: Record<string, string> }[];
  failOn?: string;
}

export interface RunServiceDeps {
  db: Kysely<Schema>;
  executor: RunExecutor;
  secretBox: SecretBox;
  policy: OutboundPolicy;
  /** Runs executing at once; the rest wait queued. */
  maxParallelRuns: number;
}

interface ActiveRun {
  controller: AbortController;
  log: RunEventLog;
  done: Promise<void>;
}

export type RunService = ReturnType<typeof createRunService>;

const DEFAULTS = { maxExamples: 10, concurrency: 8, timeoutMs: 10_000, failOn: 'low' };

export function createRunService(deps: RunServiceDeps) {
  const { db } = deps;
  const active = new Map<string, ActiveRun>();
  const waiting: string[] = [];
  let executing = 0;
  let stopping = false;

  async function start(context: RequestContext, input: StartRunInput): Promise<{ id: string; status: 'queued' }> {
    if (stopping) throw new ServiceError(503, 'the server is shutting down');
    const spec = await specificationSource(db, input.specificationId);
    if (spec === undefined) throw new ServiceError(400, 'body/specificationId: no such specification', [{ path: 'body/specificationId', message: 'no such specification' }]);
    const refused = await deps.policy.check(input.baseUrl);
    if (refused !== undefined) throw new ServiceError(isUnresolvable(refused) ? 424 : 403, `body/baseUrl: ${refused}`, [{ path: 'body/baseUrl', message: refused }]);
    for (const agent of input.agents ?? []) if (!(AGENT_NAMES as string[]).includes(agent)) throw invalid('body/agents', `unknown agent ${JSON.stringify(agent)} (available: ${AGENT_NAMES.join(', ')})`);
    for (const [field, filters] of [['include', input.include], ['exclude', input.exclude]] as const) {
      for (const text of filters ?? []) {
        try {
          parseFilter(text, `--${field}`);
        } catch (error) {
          throw invalid(`body/${field}`, (error as Error).message.replace(/^--\w+\s*/, ''));
        }
      }
    }
    const names = new Set<string>();
    for (const identity of input.identities ?? []) {
      if (identity.name === 'default' || names.has(identity.name)) throw invalid('body/identities', `identity name ${JSON.stringify(identity.name)} is reserved or repeated`);
      names.add(identity.name);
    }
    const options = {
      agents: input.agents ?? null,
      seed: input.seed ?? randomInt(0, 2 ** 31 - 1),
      maxExamples: input.maxExamples ?? DEFAULTS.maxExamples,
      concurrency: input.concurrency ?? DEFAULTS.concurrency,
      timeoutMs: input.timeoutMs ?? DEFAULTS.timeoutMs,
      include: input.include ?? [],
      exclude: input.exclude ?? [],
      failOn: input.failOn ?? DEFAULTS.failOn,
      // Names only: the values are sealed in `credentials`.
      headerNames: Object.keys(input.headers ?? {}),
      identities: (input.identities ?? []).map((identity) => ({ name: identity.name, role: identity.role, headerNames: Object.keys(identity.headers) })),
    };
    const sealed = deps.secretBox.seal(JSON.stringify({ headers: input.headers ?? {}, identities: input.identities ?? [] }));
    const row = await insertRun(db, {
      specificationId: spec.id,
      specName: spec.name,
      specVersion: spec.version,
      baseUrl: input.baseUrl,
      options,
      credentials: sealed,
      createdBy: context.principal?.userId ?? null,
    });
    await recordAudit(db, context, { action: 'test_run.create', targetType: 'test_run', targetId: row.id, details: { specificationId: spec.id, baseUrl: input.baseUrl } });
    waiting.push(row.id);
    setImmediate(pump);
    return { id: row.id, status: 'queued' };
  }

  function pump(): void {
    while (!stopping && executing < deps.maxParallelRuns && waiting.length > 0) {
      const runId = waiting.shift()!;
      executing += 1;
      const controller = new AbortController();
      const entry: ActiveRun = { controller, log: undefined as never, done: Promise.resolve() };
      active.set(runId, entry);
      entry.done = execute(runId, entry)
        .catch(() => undefined)
        .finally(() => {
          active.delete(runId);
          executing -= 1;
          setImmediate(pump);
        });
    }
  }

  async function execute(runId: string, entry: ActiveRun): Promise<void> {
    const run = await getRun(db, runId);
    const credentials = run?.credentials ? (JSON.parse(deps.secretBox.open(run.credentials)) as { headers: Record<string, string>; identities: RunJobSettings['identities'] }) : { headers: {}, identities: [] };
    const secrets = [...Object.values(credentials.headers), ...credentials.identities.flatMap((identity) => Object.values(identity.headers))]
      .flatMap((value) => [value, /^\S+\s+(\S{6,})$/.exec(value)?.[1]].filter((part): part is string => part !== undefined && part.length >= 6))
      .sort((a, b) => b.length - a.length);
    let secretNames: string[] = [];
    const log = new RunEventLog(db, runId, secrets, () => secretNames);
    entry.log = log;
    if (run === undefined || entry.controller.signal.aborted || !(await markRunning(db, runId))) {
      if (run !== undefined && run.status === 'queued') await completeRun(db, runId, { status: 'cancelled', error: 'cancelled before it started' });
      return;
    }
    const spec = run.specification_id === null ? undefined : await specificationSource(db, run.specification_id);
    const options = run.options as { agents: string[] | null; seed: number; maxExamples: number; concurrency: number; timeoutMs: number; include: string[]; exclude: string[] };
    try {
      if (spec === undefined) throw new SentinelError('usage', 'the specification was deleted before the run started');
      const result = await deps.executor.execute({
        runId,
        description: { text: spec.raw_document, name: `${spec.name} v${spec.version}` },
        settings: {
          baseUrl: run.base_url,
          ...(options.agents !== null ? { agents: options.agents } : {}),
          seed: options.seed,
          maxExamples: options.maxExamples,
          concurrency: options.concurrency,
          timeoutMs: options.timeoutMs,
          include: options.include,
          exclude: options.exclude,
          headers: credentials.headers,
          identities: credentials.identities,
        },
        onEvent: (event) => {
          if (event.type === 'run.finished') secretNames = event.result.summary.secretNames ?? [];
          log.onEngineEvent(event);
        },
        signal: entry.controller.signal,
      });
      const status = entry.controller.signal.aborted ? 'cancelled' : 'completed';
      if (status === 'cancelled') log.push('run.cancelled', { type: 'run.cancelled', runId, reason: 'cancelled; findings cover what ran' });
      await log.flush();
      await completeRun(db, runId, { status, summary: result.summary as never, findings: storedFindings(result, secrets) });
    } catch (error) {
      const reason = error instanceof SentinelError || error instanceof ServiceError ? error.message : `internal error: ${(error as Error).message}`;
      const status = entry.controller.signal.aborted ? 'cancelled' : 'failed';
      log.push(`run.${status}`, { type: `run.${status}`, runId, reason });
      await log.flush();
      await completeRun(db, runId, { status, error: reason });
    } finally {
      log.close();
    }
  }

  async function cancel(context: RequestContext, runId: string): Promise<{ id: string; status: string }> {
    const run = await getRun(db, runId);
    if (run === undefined) throw notFound('test run');
    if (run.status !== 'queued' && run.status !== 'running') throw conflict(`the run is already ${run.status}`);
    await recordAudit(db, context, { action: 'test_run.cancel', targetType: 'test_run', targetId: runId });
    const entry = active.get(runId);
    const queuedAt = waiting.indexOf(runId);
    if (queuedAt >= 0) waiting.splice(queuedAt, 1);
    if (entry !== undefined) {
      entry.controller.abort();
      await entry.done;
    } else {
      await completeRun(db, runId, { status: 'cancelled', error: 'cancelled before it started' });
    }
    return { id: runId, status: 'cancelled' };
  }

  async function remove(context: RequestContext, runId: string): Promise<void> {
    const run = await getRun(db, runId);
    if (run === undefined) throw notFound('test run');
    if (run.status === 'queued' || run.status === 'running') throw conflict('the run is in progress: cancel it first');
    await deleteRun(db, runId);
    await recordAudit(db, context, { action: 'test_run.delete', targetType: 'test_run', targetId: runId });
  }

  /** Replays events after `afterSeq`, then follows live ones; `onEnd` when the run is over. */
  async function follow(runId: string, afterSeq: number, listener: EventListener, onEnd: () => void): Promise<() => void> {
    const entry = active.get(runId);
    if (entry?.log !== undefined) {
      const unsubscribe = entry.log.subscribe(afterSeq, listener);
      void entry.done.then(onEnd);
      return unsubscribe;
    }
    const rows = await runEventsAfter(db, runId, afterSeq);
    for (const row of rows) listener({ seq: row.seq, type: row.type, data: row.payload });
    const run = await getRun(db, runId);
    if (run === undefined || (run.status !== 'queued' && run.status !== 'running')) {
      onEnd();
      return () => undefined;
    }
    // Queued: wait until it starts here, then follow it.
    let stopped = false;
    let unsubscribe = () => undefined as unknown;
    const poll = setInterval(() => {
      if (stopping) {
        clearInterval(poll);
        onEnd();
        return;
      }
      const started = active.get(runId);
      if (stopped || started?.log === undefined) return;
      clearInterval(poll);
      const last = rows.at(-1)?.seq ?? afterSeq;
      unsubscribe = started.log.subscribe(last, listener);
      void started.done.then(onEnd);
    }, 200);
    return () => {
      stopped = true;
      clearInterval(poll);
      unsubscribe();
    };
  }

  /** At start: runs a previous process left behind are cancelled. */
  async function recover(): Promise<number> {
    return cancelInterruptedRuns(db, 'the server stopped before the run finished');
  }

  /** Stops taking runs, cancels the running ones (they record what ran) and the queued ones. */
  async function shutdown(): Promise<void> {
    stopping = true;
    for (const runId of waiting.splice(0)) await completeRun(db, runId, { status: 'cancelled', error: 'the server stopped before the run started' });
    for (const entry of active.values()) entry.controller.abort();
    await Promise.all([...active.values()].map((entry) => entry.done));
  }

  return { start, cancel, remove, follow, recover, shutdown, isActive: (runId: string) => active.has(runId) };
}

/** Findings as stored: redacted like the reports, known credential values removed, case ids kept. */
function storedFindings(result: RunResult, secrets: string[]): StoredFinding[] {
  const names = result.summary.secretNames ?? [];
  return result.findings.map((finding) => {
    const redacted = JSON.parse(scrubSecrets(JSON.stringify(redactFinding(finding, names)), secrets)) as ReturnType<typeof redactFinding>;
    return { ...redacted, caseIds: finding.caseIds } as StoredFinding;
  });
}
