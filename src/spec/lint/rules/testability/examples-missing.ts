// Examples are the best seed for realistic test data and what a language model imitates.
import type { OperationRule } from '../../types.js';
import { hasExample } from '../../facts.js';

export const examplesMissing: OperationRule = {
  id: 'examples-missing',
  set: 'testability',
  severity: 'info',
  given: 'operation',
  description: 'Operations with bodies give at least one example of a request or a success response.',
  fix: 'Add an `example` (or `examples`) to the request body or the success response media type, or to its schema.',
  check(operation) {
    const bodies = [
      ...(operation.requestBody?.content ?? []),
      ...operation.responses.filter((response) => response.status.startsWith('2')).flatMap((response) => response.content),
    ];
    if (bodies.length === 0 || bodies.some(hasExample)) return [];
    return [{ pointer: operation.pointer, message: `${operation.key} has no request or success response example.` }];
  },
};
