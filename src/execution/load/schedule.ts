// Pure scheduling arithmetic: how a plan's stages are shared among workers and where in the run an
// instant falls.
import type { LoadModel, Stage } from './types.js';

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

/** Open model: the first arrival at or after `elapsedMs` in a stage with a positive rate; `undefined` past the end. */
export function arrivalAtOrAfter(stages: Stage[], elapsedMs: number): number | undefined {
  const at = stageAt(stages, elapsedMs);
  if (!at) return undefined;
  if (at.stage.target > 0) return elapsedMs;
  let startMs = at.startMs + at.stage.durationMs;
  for (let index = at.index + 1; index < stages.length; index++) {
    if (stages[index]!.target > 0) return startMs;
    startMs += stages[index]!.durationMs;
  }
  return undefined;
}

/** Open model: the intended send time after one at `previousMs`; a new stage starts its own rate at its start. */
export function nextArrival(stages: Stage[], previousMs: number): number | undefined {
  const at = stageAt(stages, previousMs);
  if (!at) return undefined;
  const end = at.startMs + at.stage.durationMs;
  if (at.stage.target > 0) {
    const candidate = previousMs + 1000 / at.stage.target;
    if (candidate < end) return candidate;
  }
  return arrivalAtOrAfter(stages, end);
}
