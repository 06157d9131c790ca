// Negative tests need to know what a rejected request looks like.
import type { OperationRule } from '../../types.js';
import { documentsStatusClass } from '../../facts.js';

export const response4xxMissing: OperationRule = {
  id: 'response-4xx-missing',
  set: 'testability',
  severity: 'warn',
  given: 'operation',
  description: 'Every operation documents at least one client error (4xx) or a default response.',
  fix: 'Document the client errors the operation returns (e.g. `400`, `404`) with an error schema, or a `default` response.',
  check(operation) {
    if (documentsStatusClass(operation, '4') || operation.responses.some((response) => response.status === 'default')) return [];
    return [{ pointer: `${operation.pointer}/responses`, message: `${operation.key} documents no 4xx or default response.` }];
  },
};
