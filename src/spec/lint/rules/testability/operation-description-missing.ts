// Descriptions carry the business rules (who may call it, side effects) test planning needs.
import type { OperationRule } from '../../types.js';

export const operationDescriptionMissing: OperationRule = {
  id: 'operation-description-missing',
  set: 'testability',
  severity: 'info',
  given: 'operation',
  description: 'Every operation has a description.',
  fix: 'Add a `description`: what the operation does, its side effects, who may call it and its error cases.',
  check(operation) {
    if (operation.description !== undefined && operation.description.trim() !== '') return [];
    return [{ pointer: operation.pointer, message: `${operation.key} has no description.` }];
  },
};
