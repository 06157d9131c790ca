// Without a documented success response, no test can tell a passing call from a failing one.
import type { OperationRule } from '../../types.js';
import { documentsStatusClass } from '../../facts.js';

export const responseSuccessMissing: OperationRule = {
  id: 'response-success-missing',
  set: 'testability',
  severity: 'error',
  given: 'operation',
  description: 'Every operation documents a success (2xx or 3xx) or a default response.',
  fix: 'Document the success response (e.g. `200` with its schema, or `204` when there is no body).',
  check(operation) {
    if (documentsStatusClass(operation, '2') || documentsStatusClass(operation, '3')) return [];
    // Many descriptions document their success response as `default`; that is vague, not missing.
    if (operation.responses.some((response) => response.status === 'default')) return [];
    return [{ pointer: `${operation.pointer}/responses`, message: `${operation.key} documents no 2xx, 3xx or default response.` }];
  },
};
