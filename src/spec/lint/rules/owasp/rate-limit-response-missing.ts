// Rate limiting that is not documented is usually not implemented.
import type { OperationRule } from '../../types.js';
import { documentsStatus } from '../../facts.js';

export const rateLimitResponseMissing: OperationRule = {
  id: 'owasp-429-missing',
  set: 'owasp',
  severity: 'warn',
  owasp: 'API4:2023 Unrestricted Resource Consumption',
  given: 'operation',
  description: 'Operations document a 429 (Too Many Requests) response.',
  fix: 'Rate-limit the operation and document `429` with a `Retry-After` header.',
  check(operation) {
    if (documentsStatus(operation, 429)) return [];
    return [{ pointer: `${operation.pointer}/responses`, message: `${operation.key} documents no 429 response.` }];
  },
};
