// Named predicates for where a check applies, so each check declares it in one readable line.
import type { TestCase } from '../../core/test-case.js';
import type { ReceivedResponse } from '../../core/exchange.js';

/** The case sends the operation's own method (not a probe with another method). */
export function usesDocumentedMethod(testCase: TestCase): boolean {
  const documented = testCase.operation.split(' ')[0] ?? '';
  return testCase.request.method.toUpperCase() === documented.toUpperCase();
}

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

export function isClientError(status: number): boolean {
  return status >= 400 && status < 500;
}

export function isServerError(status: number): boolean {
  return status >= 500 && status < 600;
}

/**
 * Conformance checks judge the operation's own answers: server errors are `server_error`'s findings
 * (one defect, one finding), and probes with another method are not answers of this operation.
 */
export function isConformanceSubject(testCase: TestCase, response: ReceivedResponse): boolean {
  return usesDocumentedMethod(testCase) && !isServerError(response.status);
}

/** A received header by case-insensitive name; repeated values joined as HTTP allows. */
export function headerValue(headers: Record<string, string | string[]>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? value.join(', ') : value;
  }
  return undefined;
}
