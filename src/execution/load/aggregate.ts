// Main-thread side of the measurements: merges the workers' windows into totals, per-stage and
// per-second statistics. Seconds far enough behind the newest are summarized and their histograms
// released, so a long soak does not keep one histogram per second and operation.
import { createHistogram, decodeHistogram, encodeHistogram, summarize, type Histogram } from './histogram.js';
import { addCounters, emptyCounters, errorCount } from './counters.js';
import { stageAt } from './schedule.js';
import type { Counters, Stage, WindowMessage } from './types.js';
import type { OperationStats, SecondStats, StageStats } from './result.js';

interface Cell {
  histogram: Histogram;
  counters: Counters;
}

const OVERALL = '*';

function cell(map: Map<string, Cell>, key: string): Cell {
  let found = map.get(key);
  if (!found) map.set(key, (found = { histogram: createHistogram(), counters: emptyCounters() }));
  return found;
}

function addInto(map: Map<string, Cell>, operation: string, histogram: Histogram, counters: Counters): void {
  for (const key of [operation, OVERALL]) {
    const target = cell(map, key);
    target.histogram.add(histogram);
    addCounters(target.counters, counters);
  }
}

export function operationStats(operation: string, found: Cell | undefined, durationMs: number): OperationStats {
  const counters = found?.counters ?? emptyCounters();
  const errors = errorCount(counters);
  return {
    operation,
    requests: counters.requests,
    errors,
    errorRate: counters.requests === 0 ? 0 : errors / counters.requests,
    throughput: durationMs > 0 ? counters.requests / (durationMs / 1000) : 0,
    latency: summarize(found?.histogram ?? createHistogram()),
    statusClasses: counters.statusClasses,
    transportErrors: counters.transportErrors,
    bytesReceived: counters.bytesReceived,
  };
}

export class Aggregator {
  private readonly totals = new Map<string, Cell>();
  private readonly byStage: Map<string, Cell>[];
  private readonly openSeconds = new Map<number, Map<string, Cell>>();
  private readonly settled: SecondStats[] = [];
  private newestSecond = -1;

  /** `settleSeconds`: how far behind the newest second a second is complete (answers arrive up to a timeout later). */
  constructor(
    private readonly stages: Stage[],
    private readonly settleSeconds = 2,
  ) {
    this.byStage = stages.map(() => new Map());
  }

  add(windows: WindowMessage['windows']): void {
    for (const window of windows) {
      const histogram = decodeHistogram(window.histogram);
      addInto(this.totals, window.operation, histogram, window.counters);
      const stage = stageAt(this.stages, window.second * 1000) ?? { index: this.stages.length - 1 };
      addInto(this.byStage[stage.index]!, window.operation, histogram, window.counters);
      let second = this.openSeconds.get(window.second);
      if (!second) {
        const late = this.settled.find((entry) => entry.second === window.second);
        // A window for an already summarized second (a worker stalled): its counts still reach the series.
        if (late) {
          late.requests += window.counters.requests;
          late.errors += errorCount(window.counters);
          continue;
        }
        this.openSeconds.set(window.second, (second = new Map()));
      }
      addInto(second, window.operation, histogram, window.counters);
      this.newestSecond = Math.max(this.newestSecond, window.second);
    }
    this.settle(this.newestSecond - this.settleSeconds);
  }

  /** Requests, errors and latency so far over everything (for live progress and early stopping). */
  overall(elapsedMs: number): OperationStats {
    return operationStats('*', this.totals.get(OVERALL), elapsedMs);
  }

  finish(durationMs: number): { overall: OperationStats; operations: OperationStats[]; stages: StageStats[]; series: SecondStats[]; histograms: { overall: string; operations: Record<string, string> } } {
    this.settle(Number.POSITIVE_INFINITY);
    const operations = [...this.totals.keys()].filter((key) => key !== OVERALL).sort();
    let startMs = 0;
    const stages = this.stages.map((stage, index) => {
      const cells = this.byStage[index]!;
      const stats: StageStats = {
        name: stage.name,
        target: stage.target,
        startMs,
        durationMs: stage.durationMs,
        overall: operationStats('*', cells.get(OVERALL), stage.durationMs),
        operations: Object.fromEntries([...cells.keys()].filter((key) => key !== OVERALL).sort().map((key) => [key, operationStats(key, cells.get(key), stage.durationMs)])),
      };
      startMs += stage.durationMs;
      return stats;
    });
    return {
      overall: operationStats('*', this.totals.get(OVERALL), durationMs),
      operations: operations.map((key) => operationStats(key, this.totals.get(key), durationMs)),
      stages,
      series: [...this.settled].sort((a, b) => a.second - b.second),
      histograms: {
        overall: encodeHistogram(this.totals.get(OVERALL)?.histogram ?? createHistogram()),
        operations: Object.fromEntries(operations.map((key) => [key, encodeHistogram(this.totals.get(key)!.histogram)])),
      },
    };
  }

  private settle(upTo: number): void {
    for (const [second, cells] of this.openSeconds) {
      if (second > upTo) continue;
      const all = operationStats('*', cells.get(OVERALL), 1000);
      const operations: SecondStats['operations'] = {};
      for (const [key, found] of cells) {
        if (key === OVERALL) continue;
        const stats = operationStats(key, found, 1000);
        operations[key] = { requests: stats.requests, errors: stats.errors, p50: stats.latency.p50, p95: stats.latency.p95, p99: stats.latency.p99 };
      }
      this.settled.push({
        second,
        requests: all.requests,
        errors: all.errors,
        p50: all.latency.p50,
        p90: all.latency.p90,
        p95: all.latency.p95,
        p99: all.latency.p99,
        max: all.latency.max,
        operations,
      });
      this.openSeconds.delete(second);
    }
  }
}
