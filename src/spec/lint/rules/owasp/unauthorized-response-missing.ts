// Auth tests need to know what a rejected credential looks like.
import type { OperationRule } from '../../types.js';
import { documentsStatus, isPublic } from '../../facts.js';

export const unauthorizedResponseMissing: OperationRule = {
  id: 'owasp-401-missing',
  set: 'owasp',
  severity: 'warn',
  owasp: 'API2:2023 Broken Authentication',
  given: 'operation',
  description: 'Secured operations document a 401 response.',
  fix: 'Document `401` (missing or invalid credentials) with an error schema.',
  check(operation, model) {
    if (isPublic(operation, model) || documentsStatus(operation, 401)) return [];
    return [{ pointer: `${operation.pointer}/responses`, message: `${operation.key} requires authentication but documents no 401 response.` }];
  },
};
