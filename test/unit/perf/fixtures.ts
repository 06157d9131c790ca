// Synthetic load results for the analyzer tests: known per-second latencies and stage statistics.
import type { LoadResult, OperationStats, SecondStats, StageStats } from '../../../src/execution/load/result.js';

export function stats(operation: string, fields: { requests?: number; errors?: number; throughput?: number; p95?: number; p99?: number }): OperationStats {
  const requests = fields.requests ?? 1000;
  const errors = fields.errors ?? 0;
  const p95 = fields.p95 ?? 10;
  return {
    operation,
    requests,
    errors,
    errorRate: requests === 0 ? 0 : errors / requests,
    throughput: fields.throughput ?? requests / 10,
    latency: { count: requests, min: 1, mean: p95 / 2, p50: p95 / 2, p90: p95 * 0.9, p95, p99: fields.p99 ?? p95 * 1.5, p999: p95 * 2, max: p95 * 3 },
    statusClasses: { '2xx': requests - errors, '5xx': errors },
    transportErrors: {},
    bytesReceived: 0,
  };
}

/** A run whose per-second p95 of `GET /a` (and overall) are `p95s`. */
export function runWithSeconds(p95s: number[], options: { errors?: number; requests?: number } = {}): LoadResult {
  const series: SecondStats[] = p95s.map((p95, second) => ({
    second,
    requests: 100,
    errors: 0,
    p50: p95 / 2,
    p90: p95,
    p95,
    p99: p95,
    max: p95,
    operations: { 'GET /a': { requests: 100, errors: 0, p50: p95 / 2, p95, p99: p95 } },
  }));
  const overall = stats('*', { requests: options.requests ?? p95s.length * 100, errors: options.errors ?? 0 });
  return {
    model: 'open',
    stages: [{ name: 'steady', durationMs: p95s.length * 1000, target: 100 }],
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: p95s.length * 1000,
    workers: 2,
    connections: 64,
    overall,
    operations: [{ ...overall, operation: 'GET /a' }],
    stageStats: [],
    series,
    sent: overall.requests,
    dropped: 0,
    interrupted: 0,
    histograms: { overall: '', operations: {} },
  };
}

export function stage(name: string, target: number, throughput: number, p99: number, operations: Record<string, number> = {}, errors = 0): StageStats {
  return {
    name,
    target,
    durationMs: 10_000,
    startMs: 0,
    overall: stats('*', { throughput, p99, p95: p99 / 1.5, errors, requests: throughput * 10 }),
    operations: Object.fromEntries(Object.entries(operations).map(([key, p95]) => [key, stats(key, { p95, throughput })])),
  };
}
