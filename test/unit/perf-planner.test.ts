import { describe, expect, it } from 'vitest';
import { planPerf } from '../../src/agents/perf-planner.js';
import { buildStages } from '../../src/agents/perf/profiles.js';
import { createArrivals, shareStages, workerCount } from '../../src/execution/load/schedule.js';
import { createMixPicker } from '../../src/execution/load/mix.js';
import type { ApiModel, Operation } from '../../src/spec/model.js';

function operation(method: Operation['method'], path: string, extra: Partial<Operation> = {}): Operation {
  return { key: `${method.toUpperCase()} ${path}`, method, path, tags: [], deprecated: false, parameters: [], responses: [], links: [], pointer: '', extensions: {}, ...extra };
}

const model: ApiModel = {
  source: 'pets.yaml',
  dialect: 'openapi-3.1',
  specVersion: '3.1.0',
  info: { title: 'pets', version: '1' },
  servers: [],
  operations: [
    operation('get', '/pets', { operationId: 'listPets' }),
    operation('get', '/pets/{id}', {
      parameters: [{ name: 'id', in: 'path', required: true, style: 'simple', explode: false, allowReserved: false, deprecated: false, schema: { type: 'integer' }, examples: [], pointer: '' }],
    }),
    operation('post', '/pets', { requestBody: { required: true, content: [{ mediaType: 'application/json', schema: { type: 'object' }, examples: [] }], pointer: '' } }),
    operation('delete', '/pets/{id}'),
  ],
  securitySchemes: {},
  security: [],
  webhooks: [],
  schemaDefs: {},
  warnings: [],
};

// A deterministic stand-in for the value generator: a number for integers, an object for objects.
const values = { valid: (schema: unknown, hint?: { variant?: number }) => ((schema as { type?: string }).type === 'integer' ? 7 + (hint?.variant ?? 0) : { name: 'rex' }) };

describe('planPerf', () => {
  it('loads only GET and HEAD by default and says what it left out', () => {
    const plan = planPerf(model, { profile: 'load', thresholds: [], seed: 1 }, values);
    expect(plan.mix.map((entry) => entry.operation)).toEqual(['GET /pets', 'GET /pets/{id}']);
    expect(plan.notes).toEqual(['POST /pets: left out (a write; pass --include-writes to load it)', 'DELETE /pets/{id}: left out (a write; pass --include-writes to load it)']);
    expect(plan.mix[1]!.requests.map((request) => request.pathParams.id)).toEqual([7, 8, 9, 10, 11]);
    expect(plan.model).toBe('open');
    expect(plan.stages).toEqual([{ name: 'steady', durationMs: 30_000, target: 50 }]);
  });
  it('plans writes with bodies when asked, with weights by key or operationId', () => {
    const plan = planPerf(model, { profile: 'load', includeWrites: true, weights: { listPets: 3, 'delete /pets/{id}': 0 }, vus: 4, thresholds: [], seed: 1 }, values);
    expect(plan.mix.map((entry) => [entry.operation, entry.weight])).toEqual([
      ['GET /pets', 3],
      ['GET /pets/{id}', 1],
      ['POST /pets', 1],
    ]);
    expect(plan.mix[2]!.requests[0]!.body).toEqual({ mediaType: 'application/json', value: { name: 'rex' } });
    expect(plan.model).toBe('closed');
  });
  it.each([
    [{ weights: { 'GET /nope': 2 } }, "weight for 'GET /nope': no such operation"],
    [{ rate: 10, vus: 2 }, '--rate and --vus are exclusive'],
  ])('rejects %j', (options, message) => {
    expect(() => planPerf(model, { profile: 'load', thresholds: [], seed: 1, ...options }, values)).toThrow(message);
  });
});

describe('profiles', () => {
  it('stress climbs in equal steps to the peak', () => {
    expect(buildStages('stress', 'open', 500, 50_000).map((stage) => [stage.durationMs, stage.target])).toEqual([
      [10_000, 100],
      [10_000, 200],
      [10_000, 300],
      [10_000, 400],
      [10_000, 500],
    ]);
  });
  it('spike jumps from a fifth of the peak and recovers; virtual users stay whole', () => {
    expect(buildStages('spike', 'closed', 12, 10_000).map((stage) => [stage.name, stage.durationMs, stage.target])).toEqual([
      ['baseline', 4000, 2],
      ['spike', 2000, 12],
      ['recovery', 4000, 2],
    ]);
  });
});

describe('schedule', () => {
  const stages = [
    { name: 'a', durationMs: 1000, target: 4 },
    { name: 'idle', durationMs: 1000, target: 0 },
    { name: 'b', durationMs: 1000, target: 2 },
  ];
  it('steps arrivals by each stage rate, skipping a zero-rate stage', () => {
    const times = (phase: number) => {
      const next = createArrivals(stages, phase);
      const out: number[] = [];
      for (let at = next(); at !== undefined; at = next()) out.push(at);
      return out;
    };
    expect(times(0)).toEqual([0, 250, 500, 750, 2000, 2500]);
    expect(times(0.5)).toEqual([125, 375, 625, 875, 2250, 2750]);
  });
  it('never gains an arrival to rounding at a stage end (75/s for 2 s is 150 arrivals)', () => {
    const next = createArrivals([{ name: 's', durationMs: 2000, target: 75 }], 0);
    let count = 0;
    while (next() !== undefined) count++;
    expect(count).toBe(150);
  });
  it('deals virtual users out whole and divides rates', () => {
    const closed = [{ name: 's', durationMs: 1000, target: 5 }];
    expect([0, 1].map((index) => shareStages(closed, 'closed', 2, index)[0]!.target)).toEqual([3, 2]);
    expect(shareStages([{ name: 's', durationMs: 1000, target: 5 }], 'open', 2, 1)[0]!.target).toBe(2.5);
    expect(workerCount(8, closed)).toBe(5);
  });
  it('picks operations in proportion to their weights', () => {
    const picker = createMixPicker([{ weight: 3, requests: ['a'] }, { weight: 1, requests: ['b1', 'b2'] }], 42);
    const picks = Array.from({ length: 4000 }, () => picker.next());
    const share = picks.filter((pick) => pick === 'a').length / picks.length;
    expect(share).toBeGreaterThan(0.72);
    expect(share).toBeLessThan(0.78);
    expect(picks.filter((pick) => pick.startsWith('b')).slice(0, 2).sort()).toEqual(['b1', 'b2']);
  });
});
