import { describe, expect, it } from 'vitest';
import { Aggregator } from '../../../../src/execution/load/aggregate.js';
import { createHistogram, decodeHistogram, encodeHistogram, mergeEncoded, recordMicros, summarize } from '../../../../src/execution/load/histogram.js';
import { WindowRecorder } from '../../../../src/execution/load/recorder.js';

describe('HDR histograms merged across workers', () => {
  it('gives the same percentiles as one histogram of every value', () => {
    const single = createHistogram();
    const workers = [createHistogram(), createHistogram(), createHistogram()];
    for (let i = 1; i <= 3000; i++) {
      const latencyMs = (i % 1000) / 10 + (i % 7);
      recordMicros(single, latencyMs);
      recordMicros(workers[i % 3]!, latencyMs);
    }
    const merged = summarize(mergeEncoded(workers.map(encodeHistogram)));
    const expected = summarize(single);
    // A decoded histogram knows the max only to its bucket (0.1%); every percentile is identical.
    expect({ ...merged, max: 0 }).toEqual({ ...expected, max: 0 });
    expect(Math.abs(merged.max - expected.max) / expected.max).toBeLessThan(0.001);
    expect(merged.count).toBe(3000);
  });
  it('keeps 3 significant digits through encoding', () => {
    const histogram = createHistogram();
    recordMicros(histogram, 123.456);
    expect(summarize(decodeHistogram(encodeHistogram(histogram))).max).toBeCloseTo(123.456, 0);
  });
});

describe('Aggregator', () => {
  it('merges two workers into totals, per-second series and per-stage statistics', () => {
    const stages = [
      { name: 'one', durationMs: 2000, target: 10 },
      { name: 'two', durationMs: 2000, target: 20 },
    ];
    const workerA = new WindowRecorder();
    const workerB = new WindowRecorder();
    for (let second = 0; second < 4; second++) {
      for (let k = 0; k < 10; k++) {
        workerA.recordResponse('GET /a', second * 1000 + k, 10 + second, 200, 5);
        workerB.recordResponse('GET /b', second * 1000 + k, 100, k === 0 ? 503 : 200, 5);
      }
    }
    workerB.recordTransportError('GET /b', 3500, 'ECONNRESET');
    const aggregator = new Aggregator(stages);
    aggregator.add(workerA.flush());
    aggregator.add(workerB.flush());
    const result = aggregator.finish(4000);
    expect(result.overall.requests).toBe(81);
    expect(result.overall.errors).toBe(5);
    expect(result.overall.transportErrors).toEqual({ ECONNRESET: 1 });
    expect(result.overall.statusClasses).toEqual({ '2xx': 76, '5xx': 4 });
    expect(result.overall.throughput).toBeCloseTo(81 / 4, 5);
    expect(result.operations.map((stats) => stats.operation)).toEqual(['GET /a', 'GET /b']);
    expect(result.series.map((second) => second.requests)).toEqual([20, 20, 20, 21]);
    expect(result.series[2]!.operations['GET /a']!.p95).toBeCloseTo(12, 1);
    expect(result.stages.map((stage) => stage.overall.requests)).toEqual([40, 41]);
    expect(result.stages[1]!.operations['GET /a']!.latency.max).toBeCloseTo(13, 1);
    expect(summarize(decodeHistogram(result.histograms.overall)).count).toBe(80);
  });
});
