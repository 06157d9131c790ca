// The differential, time-based and canary injection checks over executed scenario steps (durations are
// data here: no test sleeps).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCanary, type Canary } from '../../../../src/execution/canary.js';
import { commandInjectionScenario } from '../../../../src/execution/checks/command-injection.js';
import { nosqlInjectionScenario } from '../../../../src/execution/checks/nosql-injection.js';
import { sqlInjectionScenario } from '../../../../src/execution/checks/sql-injection.js';
import { ssrf } from '../../../../src/execution/checks/ssrf.js';
import { executed, judgeScenario, probe, type Reply } from './security-fixtures.js';

/** Delay probes carry the sleep they ask for, as the injection agent writes it (1 s; 0 for the control). */
const delayOf = (constraint: string) => (constraint.endsWith(':delay') ? { delayMs: 1000 } : constraint.endsWith(':control') ? { delayMs: 0 } : undefined);
const step = (role: string, constraint: string | undefined, payload: string, reply: Reply) =>
  executed(role, constraint === undefined ? {} : { ...probe(constraint, payload, 'query', 'q', delayOf(constraint)), id: role }, reply);

describe('sql_injection: time-based, confirmed by repetition and a zero-sleep control', () => {
  const run = (baseline: number, d1: number, control: number, d2: number) =>
    judgeScenario(
      sqlInjectionScenario,
      [
        step('baseline', undefined, '', { durationMs: baseline }),
        step('delay-1', 'sql_injection:delay', "x'||pg_sleep(1)||'", { durationMs: d1 }),
        step('control', 'sql_injection:control', "x'||pg_sleep(0)||'", { durationMs: control }),
        step('delay-2', 'sql_injection:delay', "x'||pg_sleep(1)||'", { durationMs: d2 }),
      ],
      { kind: 'sqli_time' },
    );
  it.each([
    ['both delays slow, control fast', [10, 1015, 12, 1020], 1],
    ['slow baseline does not hide nor fake it', [400, 1450, 410, 1430], 1],
    ['only one delayed answer (a hiccup)', [10, 1015, 12, 20], 0],
    ['the control is slow too (the input itself is slow)', [10, 1015, 1010, 1020], 0],
    ['everything slow (a busy machine)', [900, 1300, 950, 1350], 0],
    ['nothing slow', [10, 12, 11, 9], 0],
  ] as [string, [number, number, number, number], number][])('%s', (_name, durations, expected) => {
    const findings = run(...durations);
    expect(findings).toHaveLength(expected);
    if (expected) expect(findings[0]!.payload).toContain('pg_sleep(1)');
  });
});

describe('sql_injection: boolean differential', () => {
  const list = (n: number) => ({ status: 200, json: Array.from({ length: n }, (_, i) => ({ id: i + 1, name: `item ${i + 1}` })) });
  const run = (base: Reply, t1: Reply, f1: Reply, t2: Reply, f2: Reply) =>
    judgeScenario(
      sqlInjectionScenario,
      [
        step('baseline', undefined, '', base),
        step('true-1', 'sql_injection:true', "a' OR '1'='1", t1),
        step('false-1', 'sql_injection:false', "a' AND '1'='2", f1),
        step('true-2', 'sql_injection:true', "a' OR 'a'='a", t2),
        step('false-2', 'sql_injection:false', "a' AND 'a'='b", f2),
      ],
      { kind: 'sqli_boolean' },
    );
  it.each([
    ['true lists everything, false nothing, baseline nothing', [list(0), list(8), list(0), list(8), list(0)], 1],
    ['baseline matches some rows, true all, false none', [list(2), list(8), list(0), list(8), list(0)], 1],
    ['id lookup: true 200, false and baseline 404', [{ status: 404, body: 'nf' }, list(1), { status: 404, body: 'nf' }, list(1), { status: 404, body: 'nf' }], 1],
    ['parameterized: every probe finds nothing', [list(0), list(0), list(0), list(0), list(0)], 0],
    ['validated: every probe refused', [list(0), { status: 400, body: 'bad' }, { status: 400, body: 'bad' }, { status: 400, body: 'bad' }, { status: 400, body: 'bad' }], 0],
    ['inconsistent: only the first syntax differs (noise)', [list(0), list(8), list(0), list(0), list(0)], 0],
    ['echo of the payload changes nothing', [list(0), { status: 200, json: { q: "a' OR '1'='1", items: [] } }, { status: 200, json: { q: "a' AND '1'='2", items: [] } }, { status: 200, json: { q: "a' OR 'a'='a", items: [] } }, { status: 200, json: { q: "a' AND 'a'='b", items: [] } }], 0],
  ] as [string, Reply[], number][])('%s', (_name, replies, expected) => {
    expect(run(...(replies as [Reply, Reply, Reply, Reply, Reply]))).toHaveLength(expected);
  });
});

describe('nosql_injection: operator differential', () => {
  const run = (base: Reply, ne: Reply, gt: Reply, control: Reply) =>
    judgeScenario(
      nosqlInjectionScenario,
      [
        executed('baseline', {}, base),
        executed('operator-ne', { ...probe('nosql_injection:operator-ne', { $ne: null }, 'body', '/username'), id: 'x' }, ne),
        executed('operator-gt', { ...probe('nosql_injection:operator-gt', { $gt: '' }, 'body', '/username'), id: 'y' }, gt),
        executed('operator-control', { ...probe('nosql_injection:operator-control', { $eq: 'sntl-no-match' }, 'body', '/username'), id: 'z' }, control),
      ],
      { kind: 'nosql_operator' },
    );
  const users = (n: number) => ({ status: 200, json: { users: Array.from({ length: n }, (_, i) => ({ id: i })) } });
  it.each([
    ['login bypass: 401 becomes 200', [{ status: 401, body: 'no' }, { status: 200, body: 'token' }, { status: 200, body: 'token' }, { status: 401, body: 'no' }], 'bypasses'],
    ['search widened: 0 users becomes 3', [users(0), users(3), users(3), users(0)], 'widens'],
    ['typed server refuses objects', [{ status: 401, body: 'no' }, { status: 400, body: 'bad' }, { status: 400, body: 'bad' }, { status: 400, body: 'bad' }], undefined],
    ['lenient create stores the object (no lists)', [{ status: 201, json: { id: 1 } }, { status: 201, json: { id: 2 } }, { status: 201, json: { id: 3 } }, { status: 201, json: { id: 4 } }], undefined],
    ['only one operator works (not confirmed)', [{ status: 401, body: 'no' }, { status: 200, body: 'ok' }, { status: 401, body: 'no' }, { status: 401, body: 'no' }], undefined],
    ['objects ignored: the match-nothing control widens too', [users(0), users(3), users(3), users(3)], undefined],
    ['objects ignored: the control is let in too', [{ status: 401, body: 'no' }, { status: 200, body: 'ok' }, { status: 200, body: 'ok' }, { status: 200, body: 'ok' }], undefined],
  ] as [string, Reply[], string | undefined][])('%s', (_name, replies, flagged) => {
    const findings = run(...(replies as [Reply, Reply, Reply, Reply]));
    if (flagged === undefined) expect(findings).toEqual([]);
    else expect(findings.map((f) => f.title)).toEqual([expect.stringContaining(flagged)]);
  });
});

describe('command_injection: time-based', () => {
  it('flags a confirmed shell sleep and ignores other scenario kinds', () => {
    const steps = [
      step('baseline', undefined, '', { durationMs: 3 }),
      step('delay-1', 'command_injection:delay', 'h;sleep 1;', { durationMs: 1004 }),
      step('control', 'command_injection:control', 'h;sleep 0;', { durationMs: 4 }),
      step('delay-2', 'command_injection:delay', 'h;sleep 1;', { durationMs: 1006 }),
    ];
    expect(judgeScenario(commandInjectionScenario, steps, { kind: 'command_time' })).toHaveLength(1);
    expect(judgeScenario(commandInjectionScenario, steps, { kind: 'sqli_time' })).toEqual([]);
  });
});

describe('ssrf: a hit on the canary with the probe token', () => {
  let canary: Canary;
  beforeAll(async () => {
    canary = await startCanary();
  });
  afterAll(async () => {
    await canary.close();
  });

  const probeStep = (token: string) => executed('probe', { ...probe('ssrf:canary', `${canary.url}/ssrf/${token}`, 'body', '/url', { canaryToken: token }), id: 'p' }, { status: 201 });

  it('counts requests by token and the check reports the hit', async () => {
    expect(canary.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const answer = await fetch(`${canary.url}/ssrf/tok0000001`);
    expect(answer.status).toBe(200);
    await answer.text();
    expect(canary.hits('tok0000001')).toBe(1);
    expect(canary.hits('tok0000002')).toBe(0);
    const findings = judgeScenario(ssrf, [probeStep('tok0000001')], { kind: 'ssrf_canary' }, canary);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.payload).toContain('/ssrf/tok0000001');
  });

  it('no hit, or no canary in the context: no finding', () => {
    expect(judgeScenario(ssrf, [probeStep('tok0000009')], { kind: 'ssrf_canary' }, canary)).toEqual([]);
    expect(judgeScenario(ssrf, [probeStep('tok0000001')], { kind: 'ssrf_canary' })).toEqual([]);
  });
});
