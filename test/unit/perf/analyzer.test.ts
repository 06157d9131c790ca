import { describe, expect, it } from 'vitest';
import { analyzePerf } from '../../../src/perf/analyzer.js';
import { findKnee } from '../../../src/perf/analyze/knee.js';
import { growthOverTime, growthWithLoad } from '../../../src/perf/analyze/growth.js';
import { compareErrors, compareLatency } from '../../../src/perf/analyze/regression.js';
import { parseThreshold } from '../../../src/perf/analyze/thresholds.js';
import { runWithSeconds, stage } from './fixtures.js';

const noisy = (base: number, n: number, seed = 1) =>
  Array.from({ length: n }, (_, i) => base * (1 + 0.1 * Math.sin(seed * 12.9898 + i * 78.233)));

describe('baseline comparison', () => {
  it('flags a supported 40% slowdown as a regression, with the test in the detail', () => {
    const comparison = compareLatency(runWithSeconds(noisy(20, 10)), runWithSeconds(noisy(28, 10, 2)), 'GET /a');
    expect(comparison.regression).toBe(true);
    expect(comparison.pValue).toBeLessThan(0.01);
    expect(comparison.detail).toMatch(/Mann-Whitney U=\d+/);
  });
  it('does not flag the same distribution measured twice', () => {
    const comparison = compareLatency(runWithSeconds(noisy(20, 10)), runWithSeconds(noisy(20, 10, 3)), '*');
    expect(comparison.regression).toBe(false);
  });
  it('does not flag a statistically clear but negligible change (under 10% and 1 ms)', () => {
    const comparison = compareLatency(runWithSeconds(Array(10).fill(0.5)), runWithSeconds(Array(10).fill(0.54)), '*');
    expect(comparison.pValue).toBeLessThan(0.01);
    expect(comparison.regression).toBe(false);
  });
  it('refuses to judge with too few seconds', () => {
    const comparison = compareLatency(runWithSeconds([10, 10, 10]), runWithSeconds([50, 50, 50]), '*');
    expect(comparison.regression).toBe(false);
    expect(comparison.detail).toContain('too few busy seconds');
  });
  it('flags an error rate that rose from 0.5% to 5%', () => {
    const comparison = compareErrors(runWithSeconds(noisy(20, 10), { errors: 5 }), runWithSeconds(noisy(20, 10), { errors: 50 }), '*');
    expect(comparison.regression).toBe(true);
  });
});

describe('knee of a stress run', () => {
  const steps = [stage('step 1/5', 100, 100, 20), stage('step 2/5', 200, 199, 40), stage('step 3/5', 300, 296, 180), stage('step 4/5', 400, 330, 1400), stage('step 5/5', 500, 310, 4000)];
  it('is the highest throughput whose p99 stays inside the limit', () => {
    const result = findKnee(steps, 200, 0.01);
    expect(result.knee?.stage).toBe('step 3/5');
    expect(result.knee?.throughput).toBe(296);
    expect(result.breakingPoint?.stage).toBe('step 4/5');
  });
  it('counts a step with too many errors as outside', () => {
    const withErrors = [...steps.slice(0, 2), stage('step 3/5', 300, 296, 180, {}, 300)];
    expect(findKnee(withErrors, 200, 0.01).knee?.stage).toBe('step 2/5');
  });
  it('is absent when the first step already breaks the limit', () => {
    expect(findKnee(steps, 10, 0.01).knee).toBeUndefined();
  });
});

describe('latency growing with load or time', () => {
  it('flags the operation whose p95 rises with each step, not the flat one', () => {
    const steps = [100, 200, 300, 400, 500].map((rate, index) =>
      stage(`step ${index + 1}/5`, rate, rate, 50, { 'GET /slow': 10 + index * 15, 'GET /flat': [5, 5.2, 4.9, 5.1, 5][index]! }),
    );
    const flags = growthWithLoad(steps);
    const slow = flags.find((flag) => flag.operation === 'GET /slow')!;
    expect(slow.flagged).toBe(true);
    expect(slow.rho).toBe(1);
    expect(slow.pValue).toBeCloseTo(1 / 120, 3);
    expect(slow.slope).toBeCloseTo(15, 5);
    expect(flags.find((flag) => flag.operation === 'GET /flat')!.flagged).toBe(false);
  });
  it('flags a soak whose latency drifts upward over time', () => {
    const drifting = runWithSeconds(Array.from({ length: 40 }, (_, i) => 10 + i));
    expect(growthOverTime(drifting.series)[0]!.flagged).toBe(true);
    expect(growthOverTime(runWithSeconds(noisy(10, 40)).series)[0]!.flagged).toBe(false);
  });
});

describe('analyzePerf', () => {
  it('passes when every threshold holds and nothing regressed; fails on a breach or a regression', () => {
    const run = runWithSeconds(noisy(20, 10));
    expect(analyzePerf(run, [parseThreshold('p95<200ms')], 'load').passed).toBe(true);
    expect(analyzePerf(run, [parseThreshold('p95<5ms')], 'load').passed).toBe(false);
    const regressed = analyzePerf(runWithSeconds(noisy(40, 10, 2)), [], 'load', run);
    expect(regressed.passed).toBe(false);
    expect(regressed.comparisons.some((comparison) => comparison.regression && comparison.operation === 'GET /a')).toBe(true);
  });
});
