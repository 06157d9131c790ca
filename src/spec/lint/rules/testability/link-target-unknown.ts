// Links drive stateful scenarios; one pointing at a missing operationId silently breaks a flow.
import type { DocumentRule, RuleIssue } from '../../types.js';
import { joinPointer } from '../../../../core/json-pointer.js';

export const linkTargetUnknown: DocumentRule = {
  id: 'link-target-unknown',
  set: 'testability',
  severity: 'warn',
  given: 'document',
  description: 'Response links name an operationId that exists.',
  fix: 'Point the link at an existing `operationId` (or use a valid `operationRef`).',
  check(model) {
    const ids = new Set(model.operations.map((operation) => operation.operationId).filter((id) => id !== undefined));
    const issues: RuleIssue[] = [];
    for (const operation of model.operations) {
      for (const response of operation.responses) {
        for (const link of response.links) {
          if (link.operationId === undefined || ids.has(link.operationId)) continue;
          issues.push({
            pointer: joinPointer(response.pointer, 'links', link.name),
            message: `Link "${link.name}" of ${operation.key} response ${response.status} targets the unknown operationId "${link.operationId}".`,
            operation: operation.key,
          });
        }
      }
    }
    return issues;
  },
};
