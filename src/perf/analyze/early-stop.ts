// `--abort-on-fail`: stop a run as soon as a latency or error-rate threshold is breached by what has
// been measured so far. Throughput thresholds are judged only at the end (a run ramps up), and nothing
// is judged before the first seconds, when a handful of requests would decide on noise.
import type { OperationStats } from '../../execution/load/result.js';
import { judgeThreshold, type Threshold } from './thresholds.js';

export const EARLY_STOP_MIN_MS = 2000;
export const EARLY_STOP_MIN_REQUESTS = 20;

export function breachedThreshold(thresholds: Threshold[], soFar: OperationStats, elapsedMs: number): string | undefined {
  if (elapsedMs < EARLY_STOP_MIN_MS || soFar.requests < EARLY_STOP_MIN_REQUESTS) return undefined;
  for (const threshold of thresholds) {
    if (threshold.metric === 'rps') continue;
    const verdict = judgeThreshold(threshold, soFar);
    if (!verdict.passed) return `threshold ${threshold.expression} breached (${verdict.actual}${verdict.unit === '%' ? '%' : ` ${verdict.unit}`})`;
  }
  return undefined;
}
