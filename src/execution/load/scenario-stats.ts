// Scenario iteration counts: kept per worker, sent once at the end beside the done message, merged on
// the main thread into LoadResult.scenarios. Step latencies are not here: each step is recorded as a
// request under its own operation, like any other.
import { createHistogram, encodeHistogram, mergeEncoded, recordMicros, summarize, type Histogram } from './histogram.js';
import type { ScenarioStats } from './result.js';

interface Counts {
  name: string;
  iterations: number;
  completed: number;
  failed: number;
  skippedSteps: number;
  failures: Record<string, number>;
}

export interface EncodedScenarioCounts extends Counts {
  /** Encoded histogram of completed iterations' durations (microseconds). */
  duration: string;
}

export class ScenarioCounts implements Counts {
  iterations = 0;
  completed = 0;
  failed = 0;
  skippedSteps = 0;
  failures: Record<string, number> = {};
  private readonly duration: Histogram = createHistogram();

  constructor(readonly name: string) {}

  complete(durationMs: number): void {
    this.completed++;
    recordMicros(this.duration, durationMs);
  }

  fail(reason: string, skippedSteps: number): void {
    this.failed++;
    this.skippedSteps += skippedSteps;
    this.failures[reason] = (this.failures[reason] ?? 0) + 1;
  }

  encode(): EncodedScenarioCounts {
    const { name, iterations, completed, failed, skippedSteps, failures } = this;
    return { name, iterations, completed, failed, skippedSteps, failures, duration: encodeHistogram(this.duration) };
  }
}

/** Sums the workers' counts per scenario name; iterations neither completed nor failed were cut by the end. */
export function mergeScenarioCounts(reports: EncodedScenarioCounts[]): ScenarioStats[] {
  const byName = new Map<string, EncodedScenarioCounts[]>();
  for (const report of reports) byName.set(report.name, [...(byName.get(report.name) ?? []), report]);
  return [...byName].map(([name, counts]) => {
    const sum = (key: 'iterations' | 'completed' | 'failed' | 'skippedSteps') => counts.reduce((total, count) => total + count[key], 0);
    const failures: Record<string, number> = {};
    for (const count of counts) for (const [reason, times] of Object.entries(count.failures)) failures[reason] = (failures[reason] ?? 0) + times;
    const iterations = sum('iterations');
    const completed = sum('completed');
    const failed = sum('failed');
    return {
      name,
      iterations,
      completed,
      failed,
      interrupted: iterations - completed - failed,
      skippedSteps: sum('skippedSteps'),
      failures,
      duration: summarize(mergeEncoded(counts.map((count) => count.duration))),
    };
  });
}
