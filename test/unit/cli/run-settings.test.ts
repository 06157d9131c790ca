// `sentinel run` settings: flags over the config file over defaults, and one-line errors for bad input.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/cli/config.js';
import { DEFAULTS, resolveSettings, type RunFlags } from '../../../src/cli/run-settings.js';

const base = { baseUrl: 'http://127.0.0.1:1' };

describe('resolveSettings', () => {
  it('applies the defaults and draws a seed when none is given', () => {
    const settings = resolveSettings(base, {});
    expect(settings).toMatchObject({ concurrency: DEFAULTS.concurrency, timeoutMs: 10_000, maxExamples: 10, failOn: 'low', include: [], exclude: [], reports: [] });
    expect(Number.isInteger(settings.seed)).toBe(true);
    expect(settings.agents).toBeUndefined();
    expect(settings.rateLimit).toBeUndefined();
  });

  it('takes the config, and flags win over it', () => {
    const config = parseConfig(
      [
        'baseUrl: http://127.0.0.1:2/api',
        'seed: 5',
        'concurrency: 3',
        'agents: positive,negative',
        'include: ["tag:a"]',
        'headers: { X-Tenant: cfg, Authorization: Bearer cfg }',
        'auth: { bearer: T, role: user }',
        'identities: [ { name: bob, role: low, headers: ["Authorization: Bearer B"] } ]',
        'report: { json: a.json, junit: a.xml }',
        'failOn: high',
        'rateLimit: 2.5',
      ].join('\n'),
      'sentinel.config.yaml',
    );
    const flags: RunFlags = { seed: '9', header: ['X-Tenant: flag'], identity: ['eve:Authorization: Bearer E'], report: ['json=b.json'], include: ['method:GET'] };
    const settings = resolveSettings(flags, config);
    expect(settings.baseUrl).toBe('http://127.0.0.1:2/api');
    expect(settings.seed).toBe(9);
    expect(settings.concurrency).toBe(3);
    expect(settings.agents).toEqual(['positive', 'negative']);
    expect(settings.include.map((f) => f.text)).toEqual(['method:GET']);
    expect(settings.headers).toEqual([['x-tenant', 'cfg'], ['authorization', 'Bearer cfg'], ['x-tenant', 'flag']]);
    expect(settings.credentials).toEqual({ bearer: 'T' });
    expect(settings.defaultRole).toBe('user');
    expect(settings.identities).toEqual([
      { name: 'bob', role: 'low', headers: [['authorization', 'Bearer B']] },
      { name: 'eve', headers: [['authorization', 'Bearer E']] },
    ]);
    expect(settings.reports).toEqual([{ format: 'json', path: 'b.json' }, { format: 'junit', path: 'a.xml' }]);
    expect(settings.failOn).toBe('high');
    expect(settings.rateLimit).toBe(2.5);
  });

  it.each([
    [{}, /--base-url is required/],
    [{ baseUrl: 'not a url' }, /--base-url "not a url": not a URL/],
    [{ baseUrl: 'ftp://h' }, /only http and https/],
    [{ ...base, concurrency: '0' }, /--concurrency "0": expected an integer ≥ 1/],
    [{ ...base, timeout: '1.5' }, /--timeout "1.5": expected an integer/],
    [{ ...base, seed: '-1' }, /--seed "-1"/],
    [{ ...base, rateLimit: 'fast' }, /--rate-limit "fast": expected a number > 0/],
    [{ ...base, failOn: 'severe' }, /--fail-on "severe": expected one of critical, high, medium, low, info/],
    [{ ...base, basic: 'nocolon' }, /--basic: expected user:password/],
    [{ ...base, report: ['json'] }, /--report "json": expected FORMAT=PATH/],
    [{ ...base, header: ['broken'] }, /--header "broken"/],
    [{ ...base, identity: ['broken'] }, /--identity "broken"/],
    [{ ...base, exclude: ['x:y'] }, /--exclude "x:y"/],
  ] as [RunFlags, RegExp][])('rejects %j', (flags, message) => {
    expect(() => resolveSettings(flags, {})).toThrow(message);
  });
});

describe('config file', () => {
  it.each([
    ['concurrency: many', /^c\.yaml: concurrency: /],
    ['timout: 5', /^c\.yaml: \(top level\): unknown key "timout"$/],
    ['auth: { token: x }', /^c\.yaml: auth: unknown key "token"$/],
    ['identities: [ { name: "a b" } ]', /^c\.yaml: identities\.0\.name: /],
    ['failOn: severe', /^c\.yaml: failOn: /],
    ['a: [1', /^c\.yaml: not valid YAML: /],
  ])('%j is refused with one line naming the key', (text, message) => {
    expect(() => parseConfig(text, 'c.yaml')).toThrow(message);
  });

  it('an empty file is an empty config', () => {
    expect(parseConfig('', 'c.yaml')).toEqual({});
  });
});
