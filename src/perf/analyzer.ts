// The Performance-Analyzer agent: judges a measured run — thresholds, regressions against a baseline
// run, the knee of a stress run, operations whose latency grows with load or time. Pure.
import type { LoadResult } from '../execution/load/result.js';
import { findKnee, type KneeResult } from './analyze/knee.js';
import { growthOverTime, growthWithLoad, type GrowthFlag } from './analyze/growth.js';
import type { PerfProfile } from './plan/profiles.js';
import { compareWithBaseline, type Comparison } from './analyze/regression.js';
import { judgeThreshold, type Threshold, type ThresholdVerdict } from './analyze/thresholds.js';

export interface PerfAnalysis {
  thresholds: ThresholdVerdict[];
  /** Every comparison with the baseline, regressions flagged. Empty without a baseline. */
  comparisons: Comparison[];
  knee?: KneeResult;
  /** Operations whose latency grows with load (stress) or time (soak); flagged ones are findings. */
  growth: GrowthFlag[];
  /** No threshold breached and no regression. */
  passed: boolean;
  notes: string[];
}

const DEFAULT_P99_LIMIT_MS = 1000;
const DEFAULT_ERROR_RATE_LIMIT = 0.01;

export function analyzePerf(result: LoadResult, thresholds: Threshold[], profile: PerfProfile, baseline?: LoadResult): PerfAnalysis {
  const notes: string[] = [];
  const verdicts = thresholds.map((threshold) => judgeThreshold(threshold, result.overall));
  const comparisons = baseline ? compareWithBaseline(baseline, result) : [];
  if (baseline && (baseline.model !== result.model || JSON.stringify(baseline.stages) !== JSON.stringify(result.stages))) {
    notes.push(`the baseline ran a different load (${describe(baseline)}) than this run (${describe(result)}); differences may come from that`);
  }
  let knee: KneeResult | undefined;
  let growth: GrowthFlag[] = [];
  if (profile === 'stress') {
    knee = findKnee(result.stageStats, p99Limit(thresholds), errorRateLimit(thresholds));
    growth = growthWithLoad(result.stageStats);
  }
  if (profile === 'soak') growth = growthOverTime(result.series);
  if (result.dropped > 0) notes.push(`${result.dropped} arrivals were not sent: too many requests were already waiting (the target fell behind)`);
  if (result.interrupted > 0) notes.push(`${result.interrupted} requests were still unanswered when the run ended`);
  if (result.stoppedEarly) notes.push(`stopped early after ${(result.stoppedEarly.atMs / 1000).toFixed(1)}s: ${result.stoppedEarly.reason}`);
  // A load nobody answered measured nothing: it fails whatever the thresholds say.
  const unanswered = result.sent > 0 && answeredCount(result) === 0;
  if (unanswered) notes.push(`no request got an answer: all ${result.overall.requests} failed`);
  const passed = !unanswered && verdicts.every((verdict) => verdict.passed) && comparisons.every((comparison) => !comparison.regression);
  return { thresholds: verdicts, comparisons, knee, growth, passed, notes };
}

/** Requests that got an HTTP answer (any status). */
export function answeredCount(result: LoadResult): number {
  return result.overall.requests - Object.values(result.overall.transportErrors).reduce((sum, count) => sum + count, 0);
}

/** The p99 limit of the knee: the user's p99 threshold when there is one. */
function p99Limit(thresholds: Threshold[]): number {
  const p99 = thresholds.find((threshold) => threshold.metric === 'latency' && threshold.statistic === 99 && threshold.comparator.startsWith('<'));
  return p99?.limit ?? DEFAULT_P99_LIMIT_MS;
}

function errorRateLimit(thresholds: Threshold[]): number {
  const rate = thresholds.find((threshold) => threshold.metric === 'error_rate' && threshold.comparator.startsWith('<'));
  return rate?.limit ?? DEFAULT_ERROR_RATE_LIMIT;
}

function describe(result: LoadResult): string {
  const unit = result.model === 'open' ? 'req/s' : 'VUs';
  return `${result.model} model, ${result.stages.map((stage) => `${stage.target} ${unit} for ${stage.durationMs / 1000}s`).join(', ')}`;
}
