// A requirement naming an unknown scheme cannot be satisfied: auth setup for the run has nothing to use.
import type { DocumentRule, RuleIssue } from '../../types.js';
import { joinPointer } from '../../../../core/json-pointer.js';

export const securitySchemeUndefined: DocumentRule = {
  id: 'security-scheme-undefined',
  set: 'testability',
  severity: 'error',
  given: 'document',
  description: 'Security requirements only name declared security schemes.',
  fix: 'Declare the scheme under `components.securitySchemes` (Swagger 2: `securityDefinitions`) or fix the name in the requirement.',
  check(model) {
    const issues: RuleIssue[] = [];
    const unknown = (requirementList: Record<string, string[]>[]) =>
      requirementList.flatMap((requirement, index) => Object.keys(requirement).filter((name) => !(name in model.securitySchemes)).map((name) => ({ index, name })));
    for (const { index, name } of unknown(model.security)) {
      issues.push({ pointer: joinPointer('/security', index, name), message: `Global security requirement names the undeclared scheme "${name}".` });
    }
    for (const operation of model.operations) {
      for (const { index, name } of unknown(operation.security ?? [])) {
        issues.push({ pointer: joinPointer(operation.pointer, 'security', index, name), message: `${operation.key} requires the undeclared security scheme "${name}".`, operation: operation.key });
      }
    }
    return issues;
  },
};
