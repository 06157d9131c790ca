// Agents, links and reports name operations by operationId; without one they fall back to method + path.
import type { OperationRule } from '../../types.js';

export const operationIdMissing: OperationRule = {
  id: 'operation-id-missing',
  set: 'testability',
  severity: 'warn',
  given: 'operation',
  description: 'Every operation has an operationId.',
  fix: 'Add a unique, descriptive `operationId` (e.g. `getPetById`).',
  check(operation) {
    if (operation.operationId !== undefined && operation.operationId.trim() !== '') return [];
    return [{ pointer: operation.pointer, message: `${operation.key} has no operationId.` }];
  },
};
