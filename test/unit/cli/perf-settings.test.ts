// The config file's `perf:` section and how `sentinel perf` merges it with its flags.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/cli/config.js';
import { resolvePerfSettings } from '../../../src/cli/commands/perf-settings.js';
import { parseThinkTime } from '../../../src/perf/plan/units.js';

const FILE = 'sentinel.config.yaml';

const full = `
baseUrl: http://127.0.0.1:8080/api
headers: { X-Tenant: t1 }
auth: { bearer: tok }
perf:
  profile: soak
  duration: 5m
  rate: 100/s
  connections: 32
  workers: 2
  thresholds: ['p95<200ms', 'error_rate<1%']
  includeWrites: true
  weights: { 'GET /items': 3, 'lifecycle /items': 2, getItem: 0 }
  scenarios:
    - name: checkout
      weight: 2
      steps:
        - { operation: 'POST /orders', body: { itemId: 1 }, extract: { orderId: '$response.body#/id' } }
        - { operation: getOrder, params: { orderId: '\${orderId}' } }
  timeout: 2000
  seed: 9
`;

describe('perf config section', () => {
  it('reads every key', () => {
    const config = parseConfig(full, FILE);
    const settings = resolvePerfSettings({}, config, FILE);
    expect(settings).toMatchObject({
      baseUrl: 'http://127.0.0.1:8080/api',
      profile: 'soak',
      durationMs: 300_000,
      rate: 100,
      connections: 32,
      workers: 2,
      includeWrites: true,
      automaticScenarios: true,
      weights: { 'GET /items': 3, 'lifecycle /items': 2, getItem: 0 },
      seed: 9,
      timeoutMs: 2000,
      headers: [['x-tenant', 't1']],
      credentials: { bearer: 'tok' },
      scenariosSource: 'sentinel.config.yaml: perf.scenarios',
    });
    expect(settings.thresholds.map((threshold) => threshold.expression)).toEqual(['p95<200ms', 'error_rate<1%']);
    expect(settings.scenarios.map((scenario) => [scenario.name, scenario.weight, scenario.steps.length])).toEqual([['checkout', 2, 2]]);
  });

  it('flags win over the file; weights merge with flags last; --rate or --vus replaces the file level', () => {
    const config = parseConfig(full, FILE);
    const settings = resolvePerfSettings(
      { profile: 'load', duration: '10s', vus: '4', threshold: ['p99<1s'], weight: ['GET /items=1'], seed: '3', timeout: '500', connections: '8', workers: '1', bearer: 'other', scenarios: false, baseUrl: 'http://localhost:1' },
      config,
      FILE,
    );
    expect(settings).toMatchObject({ profile: 'load', durationMs: 10_000, vus: 4, seed: 3, timeoutMs: 500, connections: 8, workers: 1, automaticScenarios: false, baseUrl: 'http://localhost:1' });
    expect(settings.rate).toBeUndefined();
    expect(settings.credentials).toEqual({ bearer: 'other' });
    expect(settings.weights).toEqual({ 'GET /items': 1, 'lifecycle /items': 2, getItem: 0 });
    expect(settings.thresholds.map((threshold) => threshold.expression)).toEqual(['p99<1s']);
  });

  it('defaults without a file', () => {
    expect(resolvePerfSettings({})).toMatchObject({ profile: 'load', connections: 64, seed: 1, timeoutMs: 10_000, includeWrites: false, scenarios: [], weights: {}, headers: [], credentials: {} });
  });

  it('a numeric rate is requests per second', () => {
    expect(resolvePerfSettings({}, parseConfig('perf: { rate: 12.5 }', FILE), FILE).rate).toBe(12.5);
  });

  it.each([
    ['perf: { profile: burst }', 'sentinel.config.yaml: perf.profile: '],
    ['perf: { duration: 5 minutes }', "sentinel.config.yaml: perf.duration: invalid duration '5 minutes'"],
    ['perf: { rate: fast }', "sentinel.config.yaml: perf.rate: "],
    ['perf: { rate: 0 }', 'sentinel.config.yaml: perf.rate: '],
    ['perf: { thresholds: [p95<200] }', "sentinel.config.yaml: perf.thresholds.0: 'p95<200': a latency needs a unit"],
    ['perf: { thresholds: p95<200ms }', 'sentinel.config.yaml: perf.thresholds: '],
    ['perf: { weights: { listPets: -1 } }', 'sentinel.config.yaml: perf.weights.listPets: '],
    ['perf: { vus: 2.5 }', 'sentinel.config.yaml: perf.vus: '],
    ['perf: { includeWrites: yes please }', 'sentinel.config.yaml: perf.includeWrites: '],
    ['perf: { duraton: 5m }', 'sentinel.config.yaml: perf: unknown key "duraton"'],
    ['perf: { scenarios: [ { name: a, steps: [] } ] }', 'sentinel.config.yaml: perf.scenarios.0.steps: '],
    ['perf: { scenarios: [ { name: a, steps: [ { operation: x, wait: 1 } ] } ] }', 'sentinel.config.yaml: perf.scenarios.0.steps.0: unknown key "wait"'],
  ])('%s is a one-line config error naming the key', (text, message) => {
    let caught: Error | undefined;
    try {
      parseConfig(text, FILE);
    } catch (error) {
      caught = error as Error;
    }
    expect(caught?.message).toContain(message);
    expect(caught?.message).not.toContain('\n');
    expect((caught as { kind?: string }).kind).toBe('config');
  });

  it('rate and vus together in the file are a config error', () => {
    expect(() => resolvePerfSettings({}, parseConfig('perf: { rate: 10, vus: 2 }', FILE), FILE)).toThrow('sentinel.config.yaml: perf: rate and vus are exclusive');
  });
});

describe('think time', () => {
  it.each([
    ['1s', { minMs: 1000, maxMs: 1000 }],
    ['500ms-2s', { minMs: 500, maxMs: 2000 }],
    ['1s-1s', { minMs: 1000, maxMs: 1000 }],
  ])('%s is %j', (text, expected) => expect(parseThinkTime(text)).toEqual(expected));

  it.each(['2s-1s', 'soon', '1s-', '-1s', '1s-2s-3s', '0s'])('rejects %j in one line naming the flag', (text) => {
    expect(() => parseThinkTime(text)).toThrow(/^--think-time: /);
  });

  it('goes with virtual users: with --vus it applies, alone or with --rate it is a usage error', () => {
    expect(resolvePerfSettings({ vus: '10', thinkTime: '500ms-2s' }).thinkTime).toEqual({ minMs: 500, maxMs: 2000 });
    expect(() => resolvePerfSettings({ thinkTime: '1s' })).toThrow(/--think-time: think time applies to virtual users/);
    expect(() => resolvePerfSettings({ rate: '10/s', thinkTime: '1s' })).toThrow(/--think-time: think time applies to virtual users/);
  });

  it("the file's pause applies to the file's or the flag's virtual users, and a --rate flag leaves it out", () => {
    const config = parseConfig('perf:\n  vus: 5\n  thinkTime: 1s\n', FILE);
    expect(resolvePerfSettings({}, config, FILE).thinkTime).toEqual({ minMs: 1000, maxMs: 1000 });
    expect(resolvePerfSettings({ vus: '20' }, config, FILE).thinkTime).toEqual({ minMs: 1000, maxMs: 1000 });
    expect(resolvePerfSettings({ rate: '50/s' }, config, FILE).thinkTime).toBeUndefined();
    expect(() => resolvePerfSettings({}, parseConfig('perf:\n  thinkTime: 1s\n', FILE), FILE)).toThrow(/sentinel\.config\.yaml: perf\.thinkTime: think time applies to virtual users/);
    expect(() => parseConfig('perf:\n  vus: 5\n  thinkTime: later\n', FILE)).toThrow(/sentinel\.config\.yaml: perf\.thinkTime: invalid think time 'later'/);
  });
});
