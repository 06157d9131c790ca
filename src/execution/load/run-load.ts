// Runs a load plan: starts the worker threads, merges what they measure, reports progress once a second,
// stops early when asked (threshold breach, Ctrl-C) and always terminates its workers.
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { Aggregator } from './aggregate.js';
import { mergeEncoded, summarize } from './histogram.js';
import { defaultWorkerCount, shareStages, totalDurationMs, workerCount } from './schedule.js';
import { spawnWorker } from './spawn-worker.js';
import { compileScenario, isScenarioEntry } from './scenario.js';
import { mergeScenarioCounts, type EncodedScenarioCounts } from './scenario-stats.js';
import type { LoadResult, OperationStats } from './result.js';
import type { LoadPlan, WorkerConfig, WorkerMessage } from './types.js';

export interface LoadProgress {
  elapsedMs: number;
  totalMs: number;
  stage: string;
  /** Everything completed so far. */
  overall: OperationStats;
  /** Requests answered since the previous progress report (about a second). */
  currentRps: number;
  inFlight: number;
  dropped: number;
}

export interface LoadHooks {
  /** Called once a second. Returning a reason stops the run early (e.g. a breached threshold). */
  onProgress?: (progress: LoadProgress) => string | undefined;
  /** Aborting stops the run like an early stop (Ctrl-C); the result covers what was measured. */
  signal?: AbortSignal;
}

/** Longest wait for the workers to load before the run is given up. */
const READY_TIMEOUT_MS = 30_000;
/** Between the start message and the first stage, so every worker receives it before its first send. */
const START_MARGIN_MS = 50;

export async function runLoad(plan: LoadPlan, hooks: LoadHooks = {}): Promise<LoadResult> {
  validatePlan(plan);
  const workers = workerCount(plan.workers ?? defaultWorkerCount(plan.mix, availableParallelism()), plan.stages);
  const totalMs = totalDurationMs(plan.stages);
  let startAt = Number.POSITIVE_INFINITY;
  const configs: WorkerConfig[] = Array.from({ length: workers }, (_, index) => {
    const stages = shareStages(plan.stages, plan.model, workers, index);
    return {
      index,
      model: plan.model,
      stages,
      mix: plan.mix,
      connections:
        plan.model === 'closed' ? Math.max(1, ...stages.map((stage) => stage.target)) : Math.max(1, Math.ceil(plan.connections / workers)),
      timeoutMs: plan.timeoutMs,
      insecure: plan.insecure === true,
      ...(plan.thinkTime !== undefined ? { thinkTime: plan.thinkTime } : {}),
      maxInFlight: plan.maxInFlight ?? 10_000,
      seed: plan.seed,
      startAt: 0,
      phase: index / workers,
    };
  });

  const aggregator = new Aggregator(plan.stages, Math.ceil(plan.timeoutMs / 1000) + 2);
  const threads: Worker[] = [];
  const inFlight = new Array<number>(workers).fill(0);
  const dropped = new Array<number>(workers).fill(0);
  const serviceTimes: string[] = [];
  const scenarioReports: EncodedScenarioCounts[] = [];
  let interrupted = 0;
  let sent = 0;
  let stoppedEarly: LoadResult['stoppedEarly'];

  const elapsed = () => (Number.isFinite(startAt) ? Math.max(0, Date.now() - startAt) : 0);
  const stopAll = (reason: string) => {
    if (stoppedEarly) return;
    stoppedEarly = { reason, atMs: elapsed() };
    for (const thread of threads) thread.postMessage({ type: 'stop' });
  };

  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  let readyCount = 0;
  const finished = new Promise<void>((resolve, reject) => {
    const done = new Set<number>();
    const markDone = (index: number) => {
      done.add(index);
      if (done.size === workers) resolve();
    };
    for (const config of configs) {
      const thread = spawnWorker(config);
      threads.push(thread);
      thread.on('message', (message: WorkerMessage) => {
        if (message.type === 'ready') {
          if (++readyCount === workers) markReady();
          return;
        }
        if (message.type === 'window') {
          aggregator.add(message.windows);
          inFlight[config.index] = message.inFlight;
          dropped[config.index] = message.dropped;
          return;
        }
        dropped[config.index] = message.dropped;
        interrupted += message.interrupted;
        sent += message.sent;
        if (message.serviceTime) serviceTimes.push(message.serviceTime);
        if (message.scenarios) scenarioReports.push(...message.scenarios);
        void thread.terminate();
        markDone(config.index);
      });
      thread.on('error', (error) => reject(new Error(`load worker ${config.index} failed: ${error.message}`)));
      // A worker terminated without its last report (the watchdog) still counts as finished.
      thread.on('exit', () => markDone(config.index));
    }
  });
  finished.catch(() => undefined);

  const onAbort = () => stopAll('interrupted');
  hooks.signal?.addEventListener('abort', onAbort, { once: true });
  let ticker: NodeJS.Timeout | undefined;
  const timers: NodeJS.Timeout[] = [];
  try {
    const readyTimeout = deadline(READY_TIMEOUT_MS, `load workers did not start within ${READY_TIMEOUT_MS / 1000}s`);
    try {
      await Promise.race([ready, finished, readyTimeout.expired]);
    } finally {
      readyTimeout.cancel();
    }
    startAt = Date.now() + START_MARGIN_MS;
    for (const thread of threads) thread.postMessage({ type: 'start', startAt });
    if (hooks.signal?.aborted) onAbort();
    let answeredBefore = 0;
    ticker = setInterval(() => {
      if (!hooks.onProgress) return;
      const at = elapsed();
      const overall = aggregator.overall(Math.max(1, Math.min(at, totalMs)));
      const reason = hooks.onProgress({
        elapsedMs: Math.min(at, totalMs),
        totalMs,
        stage: stageName(plan, at),
        overall,
        currentRps: overall.requests - answeredBefore,
        inFlight: inFlight.reduce((sum, count) => sum + count, 0),
        dropped: dropped.reduce((sum, count) => sum + count, 0),
      });
      answeredBefore = overall.requests;
      if (reason) stopAll(reason);
    }, 1000);
    // A worker that stops answering (it should not) must not hang the command.
    timers.push(setTimeout(() => stopAll('workers did not finish in time'), totalMs + plan.timeoutMs + 10_000));
    timers.push(setTimeout(() => threads.forEach((thread) => void thread.terminate()), totalMs + plan.timeoutMs + 20_000));
    await finished;
  } finally {
    clearInterval(ticker);
    for (const timer of timers) clearTimeout(timer);
    hooks.signal?.removeEventListener('abort', onAbort);
    await Promise.all(threads.map((thread) => thread.terminate()));
  }

  const durationMs = Math.max(1, Math.min(elapsed(), stoppedEarly ? stoppedEarly.atMs + 1 : totalMs));
  const measured = aggregator.finish(durationMs);
  return {
    model: plan.model,
    stages: plan.stages,
    startedAt: new Date(startAt).toISOString(),
    durationMs,
    workers,
    connections: configs.reduce((sum, config) => sum + config.connections, 0),
    overall: measured.overall,
    operations: measured.operations,
    stageStats: measured.stages,
    series: measured.series,
    sent,
    dropped: dropped.reduce((sum, count) => sum + count, 0),
    interrupted,
    serviceTime: serviceTimes.length > 0 ? summarize(mergeEncoded(serviceTimes)) : undefined,
    scenarios: plan.mix.some(isScenarioEntry) ? mergeScenarioCounts(scenarioReports) : undefined,
    stoppedEarly,
    histograms: measured.histograms,
  };
}

function stageName(plan: LoadPlan, elapsedMs: number): string {
  let offset = 0;
  for (const stage of plan.stages) {
    offset += stage.durationMs;
    if (elapsedMs < offset) return stage.name;
  }
  return plan.stages.at(-1)?.name ?? '';
}

function validatePlan(plan: LoadPlan): void {
  if (plan.stages.length === 0 || totalDurationMs(plan.stages) <= 0) throw new Error('a load plan needs at least one stage with a duration');
  if (plan.stages.some((stage) => !(stage.target >= 0) || !Number.isFinite(stage.target))) throw new Error('a load stage target must be a finite number >= 0');
  if (!plan.mix.some((entry) => entry.weight > 0 && (entry.requests.length > 0 || isScenarioEntry(entry)))) throw new Error('the load mix has no operation to send');
  // Here rather than only in the workers: a bad scenario is one line to the user, not a crashed thread.
  for (const entry of plan.mix) if (isScenarioEntry(entry)) compileScenario(entry);
  if (!(plan.timeoutMs > 0)) throw new Error('the load timeout must be positive');
}

/** A promise rejected after `ms` unless cancelled first (a pending rejection must never outlive the race). */
function deadline(ms: number, message: string): { expired: Promise<never>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  expired.catch(() => undefined);
  return { expired, cancel: () => clearTimeout(timer) };
}
