// The knee of a stress run: the highest throughput reached while p99 and the error rate stayed inside
// their limits; the first step beyond is where the service broke.
import type { StageStats } from '../../execution/load/result.js';

export interface StepVerdict {
  stage: string;
  target: number;
  throughput: number;
  p99: number;
  errorRate: number;
  withinLimits: boolean;
}

export interface KneeResult {
  p99LimitMs: number;
  errorRateLimit: number;
  steps: StepVerdict[];
  /** Undefined when even the first step broke the limits. */
  knee?: StepVerdict;
  /** The first step outside the limits, if any. */
  breakingPoint?: StepVerdict;
}

export function findKnee(stages: StageStats[], p99LimitMs: number, errorRateLimit: number): KneeResult {
  const steps = stages
    .filter((stage) => stage.overall.requests > 0)
    .map((stage) => ({
      stage: stage.name,
      target: stage.target,
      throughput: round(stage.overall.throughput),
      p99: stage.overall.latency.p99,
      errorRate: stage.overall.errorRate,
      withinLimits: stage.overall.latency.p99 <= p99LimitMs && stage.overall.errorRate <= errorRateLimit,
    }));
  const inside = steps.filter((step) => step.withinLimits);
  const knee = inside.reduce<StepVerdict | undefined>((best, step) => (!best || step.throughput > best.throughput ? step : best), undefined);
  return { p99LimitMs, errorRateLimit, steps, knee, breakingPoint: steps.find((step) => !step.withinLimits) };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
