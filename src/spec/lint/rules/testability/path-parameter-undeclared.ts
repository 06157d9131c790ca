// A `{name}` in the template with no declaration cannot be filled with a meaningful value.
import type { DocumentRule, RuleIssue } from '../../types.js';
import { operationAt, pathTemplateNames } from '../../facts.js';

/** Loader diagnostic codes this rule reports, so the generic loader-warning rule skips them. */
export const UNDECLARED_PATH_PARAMETER_CODES = new Set(['undeclared-path-parameter']);

function parentPointer(pointer: string): string {
  return pointer.slice(0, pointer.lastIndexOf('/'));
}

export const pathParameterUndeclared: DocumentRule = {
  id: 'path-parameter-undeclared',
  set: 'testability',
  severity: 'error',
  given: 'document',
  description: 'Every `{name}` in a path template is declared as a path parameter.',
  fix: 'Declare the parameter (`in: path`, `required: true`, with a schema) on the path item or the operation.',
  check(model) {
    const issues: RuleIssue[] = [];
    // The loader may have added a placeholder parameter and reported it: those reports come first.
    const reported = model.warnings.filter((warning) => UNDECLARED_PATH_PARAMETER_CODES.has(warning.code));
    for (const warning of reported) {
      issues.push({ pointer: warning.pointer, message: warning.message, operation: operationAt(model, warning.pointer)?.key });
    }
    for (const operation of model.operations) {
      const pathItem = parentPointer(operation.pointer);
      if (reported.some((warning) => warning.pointer.startsWith(pathItem))) continue;
      const declared = new Set(operation.parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name));
      for (const name of pathTemplateNames(operation.path)) {
        if (declared.has(name)) continue;
        issues.push({ pointer: operation.pointer, message: `${operation.key} uses {${name}} in its path but declares no path parameter "${name}".`, operation: operation.key });
      }
    }
    return issues;
  },
};
