// Pass/fail thresholds such as `p95<200ms`, `p99<=1s`, `error_rate<1%`, `rps>100`: parsed strictly
// (a typo must not silently pass a build) and judged against measured statistics.
import { SentinelError } from '../../core/errors.js';
import type { OperationStats } from '../../execution/load/result.js';

export type Comparator = '<' | '<=' | '>' | '>=';

export type ThresholdMetric = 'latency' | 'error_rate' | 'rps';

export interface Threshold {
  /** As the user wrote it, for reports. */
  expression: string;
  metric: ThresholdMetric;
  /** Latency: the percentile (0-100; 100 is max), or `mean`. */
  statistic?: number | 'mean';
  comparator: Comparator;
  /** Milliseconds (latency), a fraction (error_rate), requests per second (rps). */
  limit: number;
}

export interface ThresholdVerdict {
  threshold: string;
  actual: number;
  limit: number;
  unit: 'ms' | '%' | 'req/s';
  passed: boolean;
}

const LATENCY_UNITS: Record<string, number> = { us: 0.001, µs: 0.001, ms: 1, s: 1000 };
const MEASURED_PERCENTILES = [50, 90, 95, 99, 99.9, 100];
const PATTERN = /^([a-z_]+(?:\d+(?:\.\d+)?)?)\s*(<=|>=|<|>)\s*(\d+(?:\.\d+)?)\s*([a-zµ%/]*)$/;

export function parseThreshold(text: string): Threshold {
  const fail = (why: string): never => {
    throw new SentinelError('usage', `--threshold '${text}': ${why} (expected e.g. p95<200ms, p99<1s, max<2s, avg<100ms, error_rate<1%, rps>100)`);
  };
  const match = PATTERN.exec(text.trim().toLowerCase());
  if (!match) return fail('not of the form <metric><comparator><value>');
  const [, name, comparator, number, unit] = match as unknown as [string, string, Comparator, string, string];
  const value = Number(number);
  const percentile = /^p(\d+(?:\.\d+)?)$/.exec(name);
  if (percentile || name === 'max' || name === 'avg' || name === 'mean' || name === 'med') {
    const statistic = percentile ? Number(percentile[1]) : name === 'max' ? 100 : name === 'med' ? 50 : 'mean';
    if (typeof statistic === 'number' && !MEASURED_PERCENTILES.includes(statistic)) fail(`percentile p${statistic} is not measured (use p50, p90, p95, p99, p99.9 or max)`);
    const scale = LATENCY_UNITS[unit];
    if (scale === undefined) fail(unit === '' ? 'a latency needs a unit (us, ms or s)' : `unknown latency unit '${unit}'`);
    return { expression: text.trim(), metric: 'latency', statistic, comparator, limit: value * scale! };
  }
  if (name === 'error_rate') {
    if (unit !== '%') fail('an error rate is written as a percentage, e.g. error_rate<1%');
    if (value > 100) fail('an error rate cannot exceed 100%');
    return { expression: text.trim(), metric: 'error_rate', comparator, limit: value / 100 };
  }
  if (name === 'rps') {
    if (unit !== '' && unit !== '/s') fail(`unknown rate unit '${unit}'`);
    return { expression: text.trim(), metric: 'rps', comparator, limit: value };
  }
  return fail(`unknown metric '${name}'`);
}

export function compare(actual: number, comparator: Comparator, limit: number): boolean {
  switch (comparator) {
    case '<':
      return actual < limit;
    case '<=':
      return actual <= limit;
    case '>':
      return actual > limit;
    case '>=':
      return actual >= limit;
  }
}

/** The value a threshold looks at, in its own unit (ms, %, req/s). */
export function measure(threshold: Threshold, stats: OperationStats): number {
  if (threshold.metric === 'error_rate') return stats.errorRate;
  if (threshold.metric === 'rps') return stats.throughput;
  const latency = stats.latency;
  const statistic = threshold.statistic ?? 'mean';
  if (statistic === 'mean') return latency.mean;
  const named: Record<number, number> = { 50: latency.p50, 90: latency.p90, 95: latency.p95, 99: latency.p99, 99.9: latency.p999, 100: latency.max };
  return named[statistic] ?? latency.max;
}

export function judgeThreshold(threshold: Threshold, stats: OperationStats): ThresholdVerdict {
  const actual = measure(threshold, stats);
  const unit = threshold.metric === 'latency' ? 'ms' : threshold.metric === 'rps' ? 'req/s' : '%';
  const shown = (value: number) => (unit === '%' ? round(value * 100) : round(value));
  return { threshold: threshold.expression, actual: shown(actual), limit: shown(threshold.limit), unit, passed: compare(actual, threshold.comparator, threshold.limit) };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
