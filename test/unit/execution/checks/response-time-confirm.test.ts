// response_time's confirming pass (the median of every timing decides) and the confirmation step that
// feeds it (which methods are repeated, which repeats count as timings, what an unconfirmed draft becomes).
import { describe, expect, it } from 'vitest';
import type { Remeasurement } from '../../../../src/execution/checks/check.js';
import { median, responseTime } from '../../../../src/execution/checks/response-time.js';
import type { Exchange, SentRequest } from '../../../../src/core/exchange.js';
import { confirmByRemeasuring, describeUnconfirmed } from '../../../../src/execution/run/confirm.js';
import type { JudgedDraft } from '../../../../src/execution/run/judge.js';
import { context, testCase } from './fixtures.js';

const LIMIT = 200;

function timed(base: Exchange, durationMs: number): Exchange {
  return { ...base, durationMs };
}

describe('response_time on its confirming pass', () => {
  const table = [
    { name: 'fast repeats clear one slow answer', durations: [900, 20, 30], message: undefined },
    { name: 'two slow of three is a slow median', durations: [900, 250, 30], message: 'Measured 3 times: 900 ms, 250 ms, 30 ms (median 250 ms, limit 200 ms).' },
    { name: 'a median exactly at the limit is not over it', durations: [900, 200, 30], message: undefined },
    { name: 'two timings (one repeat unanswered): their mean', durations: [900, 100], message: 'Measured 2 times: 900 ms, 100 ms (median 500 ms, limit 200 ms).' },
  ];
  it.each(table)('$name', ({ durations, message }) => {
    const ctx = context({ reply: { status: 200, durationMs: durations[0]! }, options: { maxResponseTimeMs: LIMIT } });
    const remeasurement: Remeasurement = { exchanges: durations.map((ms) => timed(ctx.exchange, ms)) };
    const drafts = responseTime.run({ ...ctx, remeasurement });
    expect(drafts.map((draft) => draft.message)).toEqual(message === undefined ? [] : [message]);
    if (message !== undefined) expect(drafts[0]!.cause).toBe(`over:${LIMIT}`);
  });

  it('says why a single timing stands', () => {
    const post = context({ reply: { status: 201, durationMs: 812.6 }, testCase: testCase({}, 'post'), options: { maxResponseTimeMs: LIMIT } });
    const unsafe = responseTime.run({ ...post, remeasurement: { exchanges: [post.exchange], notRepeated: 'unsafe-method' } });
    expect(unsafe.map((d) => [d.message, d.evidence])).toEqual([['The response took 813 ms, above the 200 ms limit (measured once: POST is not safe to repeat).', '813 ms']]);
    const get = context({ reply: { status: 200, durationMs: 812.6 }, options: { maxResponseTimeMs: LIMIT } });
    const unanswered = responseTime.run({ ...get, remeasurement: { exchanges: [get.exchange] } });
    expect(unanswered[0]!.message).toBe('The response took 813 ms, above the 200 ms limit (measured once: the repeats got no response).');
  });

  it('takes the middle value, or the mean of the two middle ones', () => {
    expect([median([3, 1, 2]), median([5]), median([4, 1, 3, 2])]).toEqual([2, 5, 2.5]);
  });
});

describe('confirmByRemeasuring', () => {
  const request: SentRequest = { method: 'GET', url: 'http://127.0.0.1:1/slow', headers: { authorization: 'Bearer A', 'x-correlation-id': 'first' } };
  const original: Exchange = { caseId: 'c', correlationId: 'first', request, response: { status: 200, headers: {}, body: '', truncated: false }, startedAt: 0, durationMs: 900, retries: 0 };
  const slow: JudgedDraft = { check: 'response_time', severity: 'low', draft: { title: 'Response slower than 200 ms', message: 'one timing', cause: 'over:200' } };
  const other: JudgedDraft = { check: 'server_error', severity: 'high', draft: { title: 'Server error', message: '500', cause: '500' } };

  function steps(repeats: Partial<Exchange>[], confirmedBy: (remeasurement: Remeasurement) => boolean) {
    const sent: SentRequest[] = [];
    const seen: Remeasurement[] = [];
    return {
      sent,
      seen,
      remeasures: (check: string) => check === 'response_time',
      rejudge: (_check: string, remeasurement: Remeasurement) => {
        seen.push(remeasurement);
        return confirmedBy(remeasurement) ? [{ ...slow, draft: { ...slow.draft, message: 'confirmed' } }] : [];
      },
      resend: async (again: SentRequest) => {
        sent.push(again);
        return { ...original, correlationId: `r${sent.length}`, request: again, durationMs: 0, ...repeats[sent.length - 1] } as Exchange;
      },
    };
  }

  it('sends a safe request twice more without its correlation ID and keeps what the check confirms', async () => {
    const fake = steps([{ durationMs: 950 }, { durationMs: 980 }], () => true);
    const { judged, unconfirmed } = await confirmByRemeasuring([other, slow], original, fake);
    expect(fake.sent).toEqual([{ ...request, headers: { authorization: 'Bearer A' } }, { ...request, headers: { authorization: 'Bearer A' } }]);
    expect(fake.seen[0]!.exchanges.map((e) => e.durationMs)).toEqual([900, 950, 980]);
    expect(judged.map((j) => `${j.check}: ${j.draft.message}`)).toEqual(['server_error: 500', 'response_time: confirmed']);
    expect(unconfirmed).toEqual([]);
  });

  it('counts a timed-out repeat as a timing and leaves a refused one out', async () => {
    const fake = steps(
      [
        { response: undefined, error: { code: 'timeout', message: 'no complete response' }, durationMs: 5000 },
        { response: undefined, error: { code: 'ECONNREFUSED', message: 'refused' }, durationMs: 1 },
      ],
      () => true,
    );
    await confirmByRemeasuring([slow], original, fake);
    expect(fake.seen[0]!.exchanges.map((e) => e.durationMs)).toEqual([900, 5000]);
  });

  it('reports an unconfirmed draft with every timing, for the run note', async () => {
    const fake = steps([{ durationMs: 12.4 }, { durationMs: 9.6 }], () => false);
    const { judged, unconfirmed } = await confirmByRemeasuring([slow], original, fake);
    expect(judged).toEqual([]);
    expect(unconfirmed).toEqual([{ check: 'response_time', title: 'Response slower than 200 ms', durationsMs: [900, 12.4, 9.6] }]);
    expect(describeUnconfirmed('GET /slow', unconfirmed[0]!)).toBe(
      'GET /slow: a slow answer was not confirmed when measured again (900 ms, 12 ms, 10 ms), so "Response slower than 200 ms" (response_time) is not reported',
    );
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('never repeats %s: the check judges the one timing, told why', async (method) => {
    const fake = steps([], () => true);
    await confirmByRemeasuring([slow], { ...original, request: { ...request, method } }, fake);
    expect(fake.sent).toEqual([]);
    expect(fake.seen.map((r) => [r.exchanges.length, r.notRepeated])).toEqual([[1, 'unsafe-method']]);
  });

  it('sends nothing when no draft asks for confirmation', async () => {
    const fake = steps([], () => true);
    expect((await confirmByRemeasuring([other], original, fake)).judged).toEqual([other]);
    expect(fake.sent).toEqual([]);
  });
});
