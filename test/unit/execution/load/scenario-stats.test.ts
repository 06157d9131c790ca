import { describe, expect, it } from 'vitest';
import { mergeScenarioCounts, ScenarioCounts } from '../../../../src/execution/load/scenario-stats.js';
import { defaultWorkerCount } from '../../../../src/execution/load/schedule.js';
import type { MixEntry } from '../../../../src/execution/load/types.js';

describe('mergeScenarioCounts', () => {
  it('sums workers per scenario; iterations neither completed nor failed are interrupted', () => {
    const first = new ScenarioCounts('scenario crud');
    first.iterations = 5;
    first.complete(10);
    first.complete(30);
    first.fail('GET /items/{id}: status 404', 1);
    const second = new ScenarioCounts('scenario crud');
    second.iterations = 3;
    second.complete(20);
    second.fail('GET /items/{id}: status 404', 1);
    second.fail('POST /items: ECONNREFUSED', 2);
    const other = new ScenarioCounts('scenario tags');
    other.iterations = 1;
    const merged = mergeScenarioCounts([first.encode(), other.encode(), second.encode()]);
    expect(merged.map(({ duration, ...rest }) => ({ ...rest, durations: duration.count }))).toEqual([
      { name: 'scenario crud', iterations: 8, completed: 3, failed: 3, interrupted: 2, skippedSteps: 4, failures: { 'GET /items/{id}: status 404': 2, 'POST /items: ECONNREFUSED': 1 }, durations: 3 },
      { name: 'scenario tags', iterations: 1, completed: 0, failed: 0, interrupted: 1, skippedSteps: 0, failures: {}, durations: 0 },
    ]);
    expect(merged[0]!.duration.p50).toBeCloseTo(20, 1);
    expect(merged[0]!.duration.max).toBeCloseTo(30, 1);
  });
});

describe('defaultWorkerCount with scenarios', () => {
  const entry = (url: string): MixEntry => ({
    operation: 'scenario s',
    weight: 1,
    requests: [],
    scenario: [{ operation: 'GET /', request: { method: 'GET', url, headers: {}, operation: 'GET /' } }],
  });
  it('counts a scenario step to a remote host as a remote target', () => {
    expect(defaultWorkerCount([entry('http://127.0.0.1:9/')], 4)).toBe(3);
    expect(defaultWorkerCount([entry('https://api.example.com/')], 4)).toBe(4);
  });
});
