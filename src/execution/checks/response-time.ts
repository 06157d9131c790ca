// A response slower than `--max-response-time`. One timing accuses nobody: the check asks the engine to
// measure a request safe to repeat again (`confirm: 'remeasure'`) and reports only a slow median.
import type { Check, Remeasurement } from './check.js';

export const responseTime: Check = {
  id: 'response_time',
  severity: 'low',
  description: 'The response took longer than the limit given with --max-response-time (the median of 3 measurements for GET, HEAD and OPTIONS).',
  remediation: "Profile the slow operation (the exchange's X-Correlation-ID finds it in the logs), or raise --max-response-time if the limit is too strict.",
  appliesTo: (_testCase, options) => options.maxResponseTimeMs !== undefined,
  confirm: 'remeasure',
  run({ exchange, options, remeasurement }) {
    const limit = options.maxResponseTimeMs;
    if (limit === undefined || !exchange.response) return [];
    const durations = (remeasurement?.exchanges ?? [exchange]).map((measured) => measured.durationMs);
    const typical = median(durations);
    if (typical <= limit) return [];
    const timings = durations.map((ms) => `${Math.round(ms)} ms`).join(', ');
    const many = durations.length > 1;
    const evidence = many ? `${timings} (median ${Math.round(typical)} ms, limit ${limit} ms)` : timings;
    return [
      {
        title: `Response slower than ${limit} ms`,
        message: many
          ? `Measured ${durations.length} times: ${evidence}.`
          : `The response took ${timings}, above the ${limit} ms limit${onceBecause(exchange.request.method, remeasurement)}.`,
        // One finding per operation with a count: every slow answer of it is the same problem.
        cause: `over:${limit}`,
        evidence,
      },
    ];
  },
};

/** Why a judged timing stands alone, when the engine said (no remeasurement: nothing to say). */
function onceBecause(method: string, remeasurement: Remeasurement | undefined): string {
  if (remeasurement === undefined) return '';
  if (remeasurement.notRepeated === 'unsafe-method') return ` (measured once: ${method} is not safe to repeat)`;
  return ' (measured once: the repeats got no response)';
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
