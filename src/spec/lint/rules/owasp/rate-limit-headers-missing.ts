// Clients can only respect limits they are told about.
import type { OperationRule } from '../../types.js';

const RATE_LIMIT_HEADER = /^(x-)?rate-?limit(-|$)/i;

export const rateLimitHeadersMissing: OperationRule = {
  id: 'owasp-rate-limit-headers-missing',
  set: 'owasp',
  severity: 'info',
  owasp: 'API4:2023 Unrestricted Resource Consumption',
  given: 'operation',
  description: 'Success responses declare rate-limit headers (RateLimit-* or X-RateLimit-*).',
  fix: 'Declare the rate-limit headers the API sends (e.g. `RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset`).',
  check(operation) {
    const successes = operation.responses.filter((response) => response.status.startsWith('2'));
    if (successes.length === 0) return [];
    const declared = successes.some((response) => Object.keys(response.headers).some((name) => RATE_LIMIT_HEADER.test(name)));
    if (declared) return [];
    return [{ pointer: `${operation.pointer}/responses`, message: `${operation.key} success responses declare no rate-limit headers.` }];
  },
};
