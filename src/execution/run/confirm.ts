// Confirm before accusing: a check with `confirm: 'remeasure'` (response_time) judges one timing, and on a
// busy CI machine one slow answer is a GC pause or a noisy neighbour as often as a slow API. Its drafts
// on a request safe to repeat stand only if the check still fails once the same request has been sent
// again; for other methods the single timing stands and the check says so.
import type { Remeasurement } from '../checks/check.js';
import type { Exchange, SentRequest } from '../../core/exchange.js';
import type { JudgedDraft } from './judge.js';

/** Methods that change nothing on the server (RFC 9110 §9.2.1 minus TRACE, which we never send). */
export const SAFE_TO_REPEAT: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Repeats after the judged exchange: three timings give a median that one outlier cannot move. */
export const REPEATS = 2;

export interface ConfirmationSteps {
  /** The check confirms by measuring again, and has not yet confirmed a finding on this operation. */
  remeasures(check: string): boolean;
  /** Runs one check again over the exchange, with every timing taken. */
  rejudge(check: string, remeasurement: Remeasurement): JudgedDraft[] | Promise<JudgedDraft[]>;
  /** Sends the request again through the run's client (rate limit, timeouts and request totals apply). */
  resend(request: SentRequest): Promise<Exchange>;
}

/** A provisional draft that measuring again did not confirm: the run's notes mention it. */
export interface Unconfirmed {
  check: string;
  title: string;
  durationsMs: number[];
}

export async function confirmByRemeasuring(
  judged: JudgedDraft[],
  exchange: Exchange,
  steps: ConfirmationSteps,
): Promise<{ judged: JudgedDraft[]; unconfirmed: Unconfirmed[] }> {
  const suspicious = [...new Set(judged.filter((j) => steps.remeasures(j.check)).map((j) => j.check))];
  if (suspicious.length === 0) return { judged, unconfirmed: [] };
  const kept = judged.filter((j) => !steps.remeasures(j.check));
  const unconfirmed: Unconfirmed[] = [];
  const remeasurement = SAFE_TO_REPEAT.has(exchange.request.method.toUpperCase())
    ? { exchanges: [exchange, ...(await repeat(exchange.request, steps.resend))] }
    : { exchanges: [exchange], notRepeated: 'unsafe-method' as const };
  for (const check of suspicious) {
    const confirmed = await steps.rejudge(check, remeasurement);
    kept.push(...confirmed);
    if (confirmed.length === 0) {
      const title = judged.find((j) => j.check === check)!.draft.title;
      unconfirmed.push({ check, title, durationsMs: remeasurement.exchanges.map((measured) => measured.durationMs) });
    }
  }
  return { judged: kept, unconfirmed };
}

/**
 * One after the other, so the repeats do not compete with each other. A repeat that timed out is a
 * timing (at least the timeout); one refused or reset measured nothing and is left out.
 */
async function repeat(request: SentRequest, resend: ConfirmationSteps['resend']): Promise<Exchange[]> {
  // A fresh correlation ID per repeat, so each one can be found in the target's logs on its own.
  const { 'x-correlation-id': _original, ...headers } = request.headers;
  const timings: Exchange[] = [];
  for (let made = 0; made < REPEATS; made += 1) {
    const repeated = await resend({ ...request, headers });
    if (repeated.response !== undefined || repeated.error?.code === 'timeout') timings.push(repeated);
  }
  return timings;
}

/** The run note for a slow answer not confirmed: said once per operation by the engine. */
export function describeUnconfirmed(operation: string, unconfirmed: Unconfirmed): string {
  const timings = unconfirmed.durationsMs.map((ms) => `${Math.round(ms)} ms`).join(', ');
  return `${operation}: a slow answer was not confirmed when measured again (${timings}), so "${unconfirmed.title}" (${unconfirmed.check}) is not reported`;
}
