// GET, HEAD and DELETE bodies have no defined meaning; many servers and proxies drop them.
import type { OperationRule } from '../../types.js';

const NO_BODY_METHODS = new Set(['get', 'head', 'delete']);

export const requestBodyUnexpected: OperationRule = {
  id: 'request-body-unexpected',
  set: 'testability',
  severity: 'warn',
  given: 'operation',
  description: 'GET, HEAD and DELETE operations take no request body.',
  fix: 'Move the data to query or path parameters, or use POST (or QUERY) for a search with a body.',
  check(operation) {
    if (!NO_BODY_METHODS.has(operation.method) || operation.requestBody === undefined) return [];
    return [{ pointer: operation.requestBody.pointer, message: `${operation.key} declares a request body, which ${operation.method.toUpperCase()} does not define.` }];
  },
};
