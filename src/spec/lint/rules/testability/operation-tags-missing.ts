// Tags group operations into resources, which is how stateful flows and reports are organized.
import type { OperationRule } from '../../types.js';

export const operationTagsMissing: OperationRule = {
  id: 'operation-tags-missing',
  set: 'testability',
  severity: 'info',
  given: 'operation',
  description: 'Every operation has at least one tag.',
  fix: 'Add `tags` naming the resource the operation belongs to (e.g. `[pets]`).',
  check(operation) {
    if (operation.tags.length > 0) return [];
    return [{ pointer: operation.pointer, message: `${operation.key} has no tags.` }];
  },
};
