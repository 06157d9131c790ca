// Reproduce before reporting as solid: after shrinking, each case finding's request is sent once more and
// judged again. One that does not fail the same way (same check, same cause) is flaky: it stays in the
// report with both outcomes as evidence, and does not fail the run unless the user asks. Scenario findings
// (their steps changed the state) and findings already confirmed by measuring again are not re-sent.
import type { Exchange } from '../../core/exchange.js';
import type { RecheckOutcome } from '../../core/finding.js';
import type { Occurrence } from './findings.js';
import type { JudgedDraft } from './judge.js';
import { runBounded } from './work-queue.js';

/** Sends the occurrence's test case again and judges the answer. */
export type Resend = (occurrence: Occurrence) => Promise<{ exchange: Exchange; judged: JudgedDraft[] }>;

export async function recheckOccurrences(occurrences: Occurrence[], concurrency: number, maxRequests: number, resend: Resend): Promise<number> {
  const candidates = occurrences.filter((o) => o.steps === undefined && o.exchange.response !== undefined).slice(0, Math.max(0, maxRequests));
  await runBounded(candidates, concurrency, async (occurrence) => {
    const target = { check: occurrence.judged.check, cause: occurrence.judged.draft.cause };
    const { exchange, judged } = await resend(occurrence);
    const same = judged.find((j) => j.check === target.check && j.draft.cause === target.cause);
    if (same !== undefined) return;
    const otherwise = judged.filter((j) => j.check === target.check).map((j) => j.draft.title);
    occurrence.flaky = {
      original: outcome(occurrence.exchange, `${target.check} failed: ${occurrence.judged.draft.title}`),
      retry: outcome(exchange, otherwise.length > 0 ? `${target.check} failed differently: ${otherwise.join('; ')}` : `${target.check} passed`),
    };
  });
  return candidates.length;
}

function outcome(exchange: Exchange, verdict: string): RecheckOutcome {
  const result: RecheckOutcome = { correlationId: exchange.correlationId, durationMs: Math.round(exchange.durationMs), verdict };
  if (exchange.response !== undefined) result.status = exchange.response.status;
  if (exchange.error !== undefined) result.transportError = exchange.error.code;
  return result;
}
