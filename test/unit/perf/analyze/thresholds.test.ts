import { describe, expect, it } from 'vitest';
import { SentinelError } from '../../../../src/core/errors.js';
import { judgeThreshold, parseThreshold } from '../../../../src/perf/analyze/thresholds.js';
import { breachedThreshold } from '../../../../src/perf/analyze/early-stop.js';
import { parseDuration, parseRate } from '../../../../src/perf/plan/units.js';
import type { OperationStats } from '../../../../src/execution/load/result.js';

const stats: OperationStats = {
  operation: '*',
  requests: 1000,
  errors: 20,
  errorRate: 0.02,
  throughput: 150,
  latency: { count: 980, min: 1, mean: 40, p50: 30, p90: 90, p95: 180, p99: 450, p999: 900, max: 1200 },
  statusClasses: { '2xx': 980 },
  transportErrors: { ECONNRESET: 20 },
  bytesReceived: 0,
};

describe('parseThreshold', () => {
  it.each([
    ['p95<200ms', { metric: 'latency', statistic: 95, comparator: '<', limit: 200 }],
    ['p99<1s', { metric: 'latency', statistic: 99, comparator: '<', limit: 1000 }],
    ['p99.9 <= 1500us', { metric: 'latency', statistic: 99.9, comparator: '<=', limit: 1.5 }],
    ['max<2s', { metric: 'latency', statistic: 100, comparator: '<', limit: 2000 }],
    ['avg<100ms', { metric: 'latency', statistic: 'mean', comparator: '<', limit: 100 }],
    ['error_rate<1%', { metric: 'error_rate', comparator: '<', limit: 0.01 }],
    ['rps>100', { metric: 'rps', comparator: '>', limit: 100 }],
    ['rps>=50/s', { metric: 'rps', comparator: '>=', limit: 50 }],
  ])('%s', (text, expected) => {
    expect(parseThreshold(text)).toMatchObject(expected);
  });

  it.each([
    ['p95<200', 'a latency needs a unit'],
    ['p95<200xs', "unknown latency unit 'xs'"],
    ['p97<200ms', 'percentile p97 is not measured'],
    ['error_rate<0.01', 'percentage'],
    ['error_rate<120%', 'cannot exceed 100%'],
    ['latency<2s', "unknown metric 'latency'"],
    ['rps>100ms', "unknown rate unit 'ms'"],
    ['p95 200ms', 'not of the form'],
    ['', 'not of the form'],
  ])('rejects %j with one line naming it', (text, why) => {
    let error: unknown;
    try {
      parseThreshold(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SentinelError);
    expect((error as SentinelError).kind).toBe('usage');
    expect((error as Error).message).toContain(`--threshold '${text}'`);
    expect((error as Error).message).toContain(why);
    expect((error as Error).message).not.toContain('\n');
  });
});

describe('judgeThreshold', () => {
  it.each([
    ['p95<200ms', true, 180],
    ['p99<400ms', false, 450],
    ['max<=1200ms', true, 1200],
    ['error_rate<1%', false, 2],
    ['error_rate<5%', true, 2],
    ['rps>100', true, 150],
    ['rps>200', false, 150],
  ])('%s', (text, passed, actual) => {
    const verdict = judgeThreshold(parseThreshold(text), stats);
    expect(verdict.passed).toBe(passed);
    expect(verdict.actual).toBe(actual);
  });
});

describe('breachedThreshold (--abort-on-fail)', () => {
  const thresholds = ['p99<400ms', 'rps>1000'].map(parseThreshold);
  it('waits for the first seconds, then names the breached threshold; never judges rps early', () => {
    expect(breachedThreshold(thresholds, stats, 1000)).toBeUndefined();
    expect(breachedThreshold(thresholds, stats, 3000)).toBe('threshold p99<400ms breached (450 ms)');
    expect(breachedThreshold([parseThreshold('rps>1000')], stats, 3000)).toBeUndefined();
  });
});

describe('durations and rates', () => {
  it.each([
    ['30s', 30_000],
    ['5m', 300_000],
    ['1m30s', 90_000],
    ['500ms', 500],
    ['1h', 3_600_000],
  ])('duration %s', (text, ms) => expect(parseDuration(text)).toBe(ms));
  it.each(['30', '5 minutes', '-1s', '0s', 's'])('rejects duration %j', (text) => expect(() => parseDuration(text)).toThrow(/--duration: /));
  it.each([
    ['100/s', 100],
    ['100', 100],
    ['600/m', 10],
  ])('rate %s', (text, rate) => expect(parseRate(text)).toBe(rate));
  it.each(['0', 'fast', '10/x', '-5'])('rejects rate %j', (text) => expect(() => parseRate(text)).toThrow(/--rate: invalid rate/));
});
