import { describe, expect, it } from 'vitest';
import { mannWhitneyU, proportionPGreater, ranks, spearman, spearmanPGreater, slope } from '../../../../src/perf/analyze/stats.js';

// Reference values from scipy 1.17: mannwhitneyu(a, b, alternative='greater', method='asymptotic').
describe('Mann-Whitney U', () => {
  it('matches scipy on a clear shift', () => {
    const result = mannWhitneyU([12, 15, 11, 18, 14, 16, 13, 17], [10, 9, 12, 11, 8, 10, 13, 9]);
    expect(result.u).toBe(59.5);
    expect(result.pGreater).toBeCloseTo(0.0022133, 5);
  });
  it('matches scipy with many ties', () => {
    const result = mannWhitneyU([2, 3, 4, 4, 5, 5], [1, 2, 2, 3, 3, 3, 4]);
    expect(result.u).toBe(33.5);
    expect(result.pGreater).toBeCloseTo(0.0391312, 5);
  });
  it('gives no evidence for identical samples', () => {
    expect(mannWhitneyU([5, 5, 5], [5, 5, 5]).pGreater).toBe(1);
    expect(mannWhitneyU([1, 2, 3, 4], [1, 2, 3, 4]).pGreater).toBeGreaterThan(0.4);
  });
});

describe('rank correlation', () => {
  it('averages tied ranks', () => expect(ranks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]));
  it('Spearman rho and its exact one-sided p-value (8 of 120 orderings reach rho 0.8)', () => {
    expect(spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])).toBeCloseTo(0.8, 10);
    expect(spearmanPGreater([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])).toBeCloseTo(8 / 120, 10);
    expect(spearmanPGreater([1, 2, 3, 4, 5], [1, 2, 3, 4, 5])).toBeCloseTo(1 / 120, 10);
  });
  it('least-squares slope', () => expect(slope([0, 1, 2, 3], [1, 3, 5, 7])).toBeCloseTo(2, 10));
});

describe('two-proportion test', () => {
  it('supports 5% vs 1% errors over 2000 requests, not 1.1% vs 1%', () => {
    expect(proportionPGreater(20, 2000, 100, 2000)).toBeLessThan(0.001);
    expect(proportionPGreater(20, 2000, 22, 2000)).toBeGreaterThan(0.3);
  });
});
