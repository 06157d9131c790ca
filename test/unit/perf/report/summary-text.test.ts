// The terminal summary of a perf run: the scenario section says how iterations ended and why they failed.
import { describe, expect, it } from 'vitest';
import { analyzePerf } from '../../../../src/perf/analyzer.js';
import { formatPerfSummary } from '../../../../src/perf/report/summary-text.js';
import type { ScenarioStats } from '../../../../src/execution/load/result.js';
import { runWithSeconds } from '../fixtures.js';

const latency = { count: 90, min: 1, mean: 3, p50: 2.5, p90: 4, p95: 5, p99: 9.5, p999: 10, max: 12 };

function lifecycle(overrides: Partial<ScenarioStats> = {}): ScenarioStats {
  return { name: 'scenario lifecycle /items', iterations: 100, completed: 90, failed: 8, interrupted: 2, skippedSteps: 16, failures: { 'GET /items/{itemId}: status 404': 6, 'POST /items: ECONNRESET': 2 }, duration: latency, ...overrides };
}

describe('formatPerfSummary', () => {
  it('lists each scenario with its iterations, failures by reason and duration percentiles', () => {
    const result = { ...runWithSeconds([10, 10, 10]), scenarios: [lifecycle()] };
    const text = formatPerfSummary(result, analyzePerf(result, [], 'load'));
    expect(text).toContain('arrivals/s');
    expect(text).toContain('scenario lifecycle /items: 100 iterations, 90 completed, 8 failed, 2 interrupted, 16 steps skipped; duration p50 2.5 ms, p95 5 ms, p99 9.5 ms');
    expect(text).toMatch(/failed at GET \/items\/\{itemId\}: status 404: 6\n\s+failed at POST \/items: ECONNRESET: 2/);
  });

  it('keeps the failure list short and leaves out the duration when no iteration completed', () => {
    const failures = Object.fromEntries(Array.from({ length: 7 }, (_, index) => [`GET /x${index}: status 500`, 7 - index]));
    const result = { ...runWithSeconds([10]), scenarios: [lifecycle({ completed: 0, failed: 100, interrupted: 0, failures })] };
    const text = formatPerfSummary(result, analyzePerf(result, [], 'load'));
    expect(text).toContain('0 completed, 100 failed, 0 interrupted, 16 steps skipped\n');
    expect(text).toContain('... and 2 other failure reasons');
    expect(text).not.toContain('GET /x6');
  });

  it('has no scenario section and counts req/s without scenarios', () => {
    const result = runWithSeconds([10]);
    const text = formatPerfSummary(result, analyzePerf(result, [], 'load'));
    expect(text).not.toContain('scenarios');
    expect(text).not.toContain('arrivals/s');
  });
});
