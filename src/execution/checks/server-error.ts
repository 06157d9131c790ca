// A 5xx answer: the API failed on a request it should have handled or refused.
import type { Check } from './check.js';
import { isServerError, usesDocumentedMethod } from './applies.js';

export const serverError: Check = {
  id: 'server_error',
  severity: 'high',
  description: 'The API answered with a 5xx status: it crashed or failed instead of handling or refusing the request.',
  remediation: 'Find the failing request in the server logs (the X-Correlation-ID is recorded) and handle the input: validate it and answer 4xx, or fix the crash.',
  run({ exchange, testCase }) {
    const response = exchange.response;
    if (!response || !isServerError(response.status)) return [];
    // 501 is the answer RFC 9110 allows for a method the server does not implement at all.
    if (response.status === 501 && !usesDocumentedMethod(testCase)) return [];
    return [
      {
        title: `Server error ${response.status}`,
        message: `${testCase.request.method.toUpperCase()} answered ${response.status}; a server should handle the request or refuse it with a 4xx.`,
        cause: `status:${response.status}`,
        evidence: excerpt(response.body),
      },
    ];
  },
};

function excerpt(body: string): string | undefined {
  const trimmed = body.trim();
  if (trimmed === '') return undefined;
  return trimmed.length > 500 ? `${trimmed.slice(0, 500)}…` : trimmed;
}
