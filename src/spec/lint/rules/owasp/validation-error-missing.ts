// Operations that take input must say how they reject bad input; otherwise the failure mode is a 500.
import type { OperationRule } from '../../types.js';
import { documentsStatus, hasInputs } from '../../facts.js';

export const validationErrorMissing: OperationRule = {
  id: 'owasp-validation-error-missing',
  set: 'owasp',
  severity: 'info',
  owasp: 'API8:2023 Security Misconfiguration',
  given: 'operation',
  description: 'Operations with inputs document a 400 or 422 response.',
  fix: 'Validate the input and document `400` (or `422`) with an error schema that does not echo internals.',
  check(operation) {
    if (!hasInputs(operation) || documentsStatus(operation, 400) || documentsStatus(operation, 422)) return [];
    return [{ pointer: `${operation.pointer}/responses`, message: `${operation.key} takes input but documents no 400 or 422 response.` }];
  },
};
