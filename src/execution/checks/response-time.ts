// A response slower than `--max-response-time`.
import type { Check } from './check.js';

export const responseTime: Check = {
  id: 'response_time',
  severity: 'low',
  description: 'The response took longer than the limit given with --max-response-time.',
  remediation: "Profile the slow operation (the exchange's X-Correlation-ID finds it in the logs), or raise --max-response-time if the limit is too strict.",
  appliesTo: (_testCase, options) => options.maxResponseTimeMs !== undefined,
  run({ exchange, options }) {
    const limit = options.maxResponseTimeMs;
    if (limit === undefined || !exchange.response || exchange.durationMs <= limit) return [];
    const took = Math.round(exchange.durationMs);
    return [
      {
        title: `Response slower than ${limit} ms`,
        message: `The response took ${took} ms, above the ${limit} ms limit.`,
        // One finding per operation with a count: every slow answer of it is the same problem.
        cause: `over:${limit}`,
        evidence: `${took} ms`,
      },
    ];
  },
};
