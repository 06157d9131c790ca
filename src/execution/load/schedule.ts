// Pure scheduling arithmetic: how a plan's stages are shared among workers and where in the run an
// instant falls.
import type { LoadModel, MixEntry, Stage } from './types.js';

/**
 * Workers when the plan does not say: one per core, but one core fewer when every request goes to this
 * machine (loopback), since the server under test then needs a core too. Measured on a 2-core machine
 * against a local server: one worker reached 1.5-2x the throughput of two, whose threads only took CPU
 * time away from the server.
 */
export function defaultWorkerCount(mix: MixEntry[], cores: number): number {
  const loopback = mix.every(
    (entry) => entry.requests.every((request) => isLoopback(request.url)) && (entry.scenario ?? []).every((step) => isLoopback(step.request.url)),
  );
  return Math.max(1, loopback ? cores - 1 : cores);
}

function isLoopback(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Workers worth starting: never more than the virtual users (closed) or than one request/second each (open). */
export function workerCount(requested: number, stages: Stage[]): number {
  const peak = Math.max(0, ...stages.map((stage) => stage.target));
  return Math.max(1, Math.min(Math.floor(requested), Math.ceil(peak)));
}

/** Worker `index`'s share: virtual users dealt out whole, arrival rates divided evenly. */
export function shareStages(stages: Stage[], model: LoadModel, workers: number, index: number): Stage[] {
  return stages.map((stage) => {
    if (model === 'open') return { ...stage, target: stage.target / workers };
    const base = Math.floor(stage.target / workers);
    return { ...stage, target: base + (index < stage.target % workers ? 1 : 0) };
  });
}

export function totalDurationMs(stages: Stage[]): number {
  return stages.reduce((sum, stage) => sum + stage.durationMs, 0);
}

/** The stage running `elapsedMs` after the start, with its start offset; `undefined` once the run is over. */
export function stageAt(stages: Stage[], elapsedMs: number): { stage: Stage; index: number; startMs: number } | undefined {
  let startMs = 0;
  for (let index = 0; index < stages.length; index++) {
    const stage = stages[index]!;
    if (elapsedMs < startMs + stage.durationMs) return { stage, index, startMs };
    startMs += stage.durationMs;
  }
  return undefined;
}

/**
 * Open model: the intended send times (ms from the start), in order, then `undefined`. Arrival k of a stage
 * with rate r falls at stageStart + (k + phase) × 1000/r — computed from its index, so rounding never adds
 * or loses an arrival at a stage boundary. `phase` (0..1) interleaves workers sharing a rate.
 */
export function createArrivals(stages: Stage[], phase: number): () => number | undefined {
  let stageIndex = 0;
  let stageStart = 0;
  let k = 0;
  return () => {
    while (stageIndex < stages.length) {
      const stage = stages[stageIndex]!;
      if (stage.target > 0) {
        const at = stageStart + ((k + phase) * 1000) / stage.target;
        if (at < stageStart + stage.durationMs) {
          k++;
          return at;
        }
      }
      stageStart += stage.durationMs;
      stageIndex++;
      k = 0;
    }
    return undefined;
  };
}
