// Two operations with one operationId make links and test selection ambiguous.
import type { DocumentRule, RuleIssue } from '../../types.js';

export const operationIdDuplicate: DocumentRule = {
  id: 'operation-id-duplicate',
  set: 'testability',
  severity: 'error',
  given: 'document',
  description: 'operationIds are unique across the description.',
  fix: 'Rename one of the operations so every `operationId` is unique.',
  check(model) {
    const firstByKey = new Map<string, string>();
    const issues: RuleIssue[] = [];
    for (const operation of model.operations) {
      const id = operation.operationId;
      if (id === undefined) continue;
      const first = firstByKey.get(id);
      if (first === undefined) {
        firstByKey.set(id, operation.key);
        continue;
      }
      issues.push({
        pointer: `${operation.pointer}/operationId`,
        message: `operationId "${id}" of ${operation.key} is already used by ${first}.`,
        operation: operation.key,
      });
    }
    return issues;
  },
};
