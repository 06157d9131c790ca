import { describe, expect, it } from 'vitest';
import { monthRanges } from '../../../src/data/partitions.js';

describe('monthRanges', () => {
  it('names UTC months and crosses the year', () => {
    expect(monthRanges(new Date('2026-12-31T23:30:00Z'), 1)).toEqual([
      { name: 'test_results_2026_12', from: '2026-12-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' },
      { name: 'test_results_2027_01', from: '2027-01-01T00:00:00.000Z', to: '2027-02-01T00:00:00.000Z' },
    ]);
  });
});
