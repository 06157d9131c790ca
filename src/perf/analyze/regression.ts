// Baseline comparison: a regression is a change a statistical test supports (Mann-Whitney U on
// per-second latency percentiles, a two-proportion z-test on error counts) and that is large enough to
// matter — never a bare difference between two numbers that vary from run to run.
import type { LoadResult, SecondStats } from '../../execution/load/result.js';
import { mannWhitneyU, median, proportionPGreater } from './stats.js';

export interface Comparison {
  /** `*` for the whole run, or an operation key. */
  operation: string;
  metric: 'p95_per_second' | 'error_rate';
  baseline: number;
  current: number;
  /** One-sided p-value for "worse than the baseline"; undefined when there were too few samples. */
  pValue?: number;
  regression: boolean;
  detail: string;
}

export const REGRESSION_ALPHA = 0.01;
/** A latency regression must also be at least this much slower (relative) and this many ms. */
export const MIN_RELATIVE_SLOWDOWN = 0.1;
export const MIN_ABSOLUTE_SLOWDOWN_MS = 1;
export const MIN_SECONDS = 5;
/** Seconds with fewer requests give a percentile too noisy to rank. */
export const MIN_REQUESTS_PER_SECOND = 5;
export const MIN_ERROR_RATE_INCREASE = 0.01;

/** Per-second p95 samples of one operation (or `*`) inside the planned run time. */
export function secondSamples(result: LoadResult, operation: string): number[] {
  const plannedSeconds = Math.ceil(result.stages.reduce((sum, stage) => sum + stage.durationMs, 0) / 1000);
  const pick = (second: SecondStats) => (operation === '*' ? second : second.operations[operation]);
  return result.series
    .filter((second) => second.second < plannedSeconds)
    .map(pick)
    .filter((entry): entry is NonNullable<typeof entry> => entry !== undefined && entry.requests >= MIN_REQUESTS_PER_SECOND)
    .map((entry) => entry.p95);
}

export function compareLatency(baseline: LoadResult, current: LoadResult, operation: string): Comparison {
  const before = secondSamples(baseline, operation);
  const after = secondSamples(current, operation);
  const base = { operation, metric: 'p95_per_second' as const, baseline: median(before), current: median(after) };
  if (before.length < MIN_SECONDS || after.length < MIN_SECONDS) {
    return { ...base, regression: false, detail: `too few busy seconds to test (${before.length} vs ${after.length}; need ${MIN_SECONDS} each)` };
  }
  const test = mannWhitneyU(after, before);
  const slower = base.current - base.baseline;
  const large = slower >= MIN_ABSOLUTE_SLOWDOWN_MS && slower >= base.baseline * MIN_RELATIVE_SLOWDOWN;
  const regression = test.pGreater < REGRESSION_ALPHA && large;
  const detail = `median per-second p95 ${fmt(base.baseline)} ms -> ${fmt(base.current)} ms (Mann-Whitney U=${fmt(test.u)}, n=${before.length}/${after.length}, one-sided p=${test.pGreater.toPrecision(3)})`;
  return { ...base, pValue: test.pGreater, regression, detail };
}

export function compareErrors(baseline: LoadResult, current: LoadResult, operation: string): Comparison {
  const pick = (result: LoadResult) => (operation === '*' ? result.overall : result.operations.find((entry) => entry.operation === operation));
  const before = pick(baseline);
  const after = pick(current);
  const base = { operation, metric: 'error_rate' as const, baseline: before?.errorRate ?? 0, current: after?.errorRate ?? 0 };
  if (!before || !after || before.requests === 0 || after.requests === 0) return { ...base, regression: false, detail: 'no requests to compare' };
  const pValue = proportionPGreater(before.errors, before.requests, after.errors, after.requests);
  const regression = pValue < REGRESSION_ALPHA && base.current - base.baseline >= MIN_ERROR_RATE_INCREASE;
  const detail = `error rate ${fmt(base.baseline * 100)}% -> ${fmt(base.current * 100)}% (${before.errors}/${before.requests} vs ${after.errors}/${after.requests}, one-sided p=${pValue.toPrecision(3)})`;
  return { ...base, pValue, regression, detail };
}

/** Every operation present in both runs, plus the whole run. */
export function compareWithBaseline(baseline: LoadResult, current: LoadResult): Comparison[] {
  const shared = current.operations.map((entry) => entry.operation).filter((key) => baseline.operations.some((entry) => entry.operation === key));
  return ['*', ...shared].flatMap((operation) => [compareLatency(baseline, current, operation), compareErrors(baseline, current, operation)]);
}

function fmt(value: number): string {
  return String(Math.round(value * 100) / 100);
}
