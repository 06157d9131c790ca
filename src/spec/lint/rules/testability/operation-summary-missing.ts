// A summary is what a person or a language model reads first to know what an operation is for.
import type { OperationRule } from '../../types.js';

export const operationSummaryMissing: OperationRule = {
  id: 'operation-summary-missing',
  set: 'testability',
  severity: 'warn',
  given: 'operation',
  description: 'Every operation has a one-line summary.',
  fix: 'Add a `summary` of a few words saying what the operation does (e.g. "Find a pet by id").',
  check(operation) {
    if (operation.summary !== undefined && operation.summary.trim() !== '') return [];
    return [{ pointer: operation.pointer, message: `${operation.key} has no summary.` }];
  },
};
