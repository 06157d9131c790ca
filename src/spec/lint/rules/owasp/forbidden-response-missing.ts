// A documented 403 shows that the operation checks what the caller may do, not only who they are.
import type { OperationRule } from '../../types.js';
import { documentsStatus, isPublic } from '../../facts.js';

export const forbiddenResponseMissing: OperationRule = {
  id: 'owasp-403-missing',
  set: 'owasp',
  severity: 'info',
  owasp: 'API5:2023 Broken Function Level Authorization',
  given: 'operation',
  description: 'Secured operations document a 403 response.',
  fix: 'Document `403` (authenticated but not allowed) and enforce the permission check server-side.',
  check(operation, model) {
    if (isPublic(operation, model) || documentsStatus(operation, 403)) return [];
    return [{ pointer: `${operation.pointer}/responses`, message: `${operation.key} requires authentication but documents no 403 response.` }];
  },
};
