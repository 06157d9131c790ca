// Writes open to anonymous callers are the first thing an attacker tries.
import type { OperationRule } from '../../types.js';
import { effectiveSecurity, isPublic, WRITE_METHODS } from '../../facts.js';

export const writeWithoutSecurity: OperationRule = {
  id: 'owasp-write-without-security',
  set: 'owasp',
  severity: 'error',
  owasp: 'API2:2023 Broken Authentication',
  given: 'operation',
  description: 'Write operations (POST, PUT, PATCH, DELETE) require authentication.',
  fix: 'Add a `security` requirement to the operation (or globally) and make sure it has no empty `{}` alternative.',
  check(operation, model) {
    if (!WRITE_METHODS.has(operation.method) || !isPublic(operation, model)) return [];
    const optional = effectiveSecurity(operation, model).length > 0;
    return [{
      pointer: operation.security === undefined ? operation.pointer : `${operation.pointer}/security`,
      message: optional
        ? `${operation.key} writes data but its security is optional (an empty requirement is allowed).`
        : `${operation.key} writes data without any security requirement.`,
    }];
  },
};
