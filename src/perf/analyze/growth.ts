// Operations whose latency grows with load (across stress steps) or with time (over a soak): a rank
// correlation that a permutation test supports, and growth large enough to matter.
import type { SecondStats, StageStats } from '../../execution/load/result.js';
import { median, slope, spearman, spearmanPGreater } from './stats.js';

export interface GrowthFlag {
  operation: string;
  against: 'load' | 'time';
  /** Spearman's rho between load (or time) and p95. */
  rho: number;
  pValue: number;
  /** p95 at the lowest and the highest load (first and last quarter of a soak), ms. */
  from: number;
  to: number;
  /** Least-squares slope: ms of p95 per 100 req/s (load) or per minute (time). */
  slope: number;
  flagged: boolean;
}

export const GROWTH_ALPHA = 0.05;
export const MIN_GROWTH_RATIO = 1.5;
const MIN_GROWTH_MS = 1;

export function growthWithLoad(stages: StageStats[]): GrowthFlag[] {
  const operations = new Set(stages.flatMap((stage) => Object.keys(stage.operations)));
  const flags: GrowthFlag[] = [];
  for (const operation of [...operations].sort()) {
    const points = stages
      .filter((stage) => (stage.operations[operation]?.requests ?? 0) > 0)
      .map((stage) => ({ load: stage.overall.throughput, p95: stage.operations[operation]!.latency.p95 }));
    if (points.length < 3) continue;
    const loads = points.map((point) => point.load);
    const latencies = points.map((point) => point.p95);
    const rho = spearman(loads, latencies);
    const pValue = spearmanPGreater(loads, latencies);
    const low = points.reduce((a, b) => (b.load < a.load ? b : a));
    const high = points.reduce((a, b) => (b.load > a.load ? b : a));
    flags.push(judge(operation, 'load', rho, pValue, low.p95, high.p95, slope(loads, latencies) * 100));
  }
  return flags;
}

export function growthOverTime(series: SecondStats[]): GrowthFlag[] {
  const busy = series.filter((second) => second.requests > 0);
  if (busy.length < 8) return [];
  const times = busy.map((second) => second.second);
  const latencies = busy.map((second) => second.p95);
  const quarter = Math.max(1, Math.floor(busy.length / 4));
  const from = median(latencies.slice(0, quarter));
  const to = median(latencies.slice(-quarter));
  return [judge('*', 'time', spearman(times, latencies), spearmanPGreater(times, latencies), from, to, slope(times, latencies) * 60)];
}

function judge(operation: string, against: GrowthFlag['against'], rho: number, pValue: number, from: number, to: number, perUnit: number): GrowthFlag {
  const flagged = rho > 0 && pValue <= GROWTH_ALPHA && to >= from * MIN_GROWTH_RATIO && to - from >= MIN_GROWTH_MS;
  return { operation, against, rho: round(rho), pValue: round(pValue), from, to, slope: round(perUnit), flagged };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
