// A declared path parameter missing from the template is never sent: a typo or a stale declaration.
import type { DocumentRule, RuleIssue } from '../../types.js';
import { operationAt, pathTemplateNames } from '../../facts.js';

/** The loader drops such parameters and reports them under this code. */
export const UNUSED_PATH_PARAMETER_CODES = new Set(['path-parameter-not-in-template']);

export const pathParameterUnused: DocumentRule = {
  id: 'path-parameter-unused',
  set: 'testability',
  severity: 'warn',
  given: 'document',
  description: 'Every path parameter appears as `{name}` in the path template.',
  fix: 'Rename the parameter to match the template, add it to the path, or remove the declaration.',
  check(model) {
    const issues: RuleIssue[] = model.warnings
      .filter((warning) => UNUSED_PATH_PARAMETER_CODES.has(warning.code))
      .map((warning) => ({ pointer: warning.pointer, message: warning.message, operation: operationAt(model, warning.pointer)?.key }));
    const reported = new Set(issues.map((issue) => issue.pointer));
    for (const operation of model.operations) {
      const names = pathTemplateNames(operation.path);
      for (const parameter of operation.parameters) {
        if (parameter.in !== 'path' || names.includes(parameter.name) || reported.has(parameter.pointer)) continue;
        issues.push({ pointer: parameter.pointer, message: `path parameter "${parameter.name}" of ${operation.key} does not appear in the path template.`, operation: operation.key });
      }
    }
    return issues;
  },
};
