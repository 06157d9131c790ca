// The loader accepts sloppy descriptions and keeps what it had to guess as warnings; the lint shows them.
import type { DocumentRule } from '../../types.js';
import { operationAt } from '../../facts.js';
import { UNDECLARED_PATH_PARAMETER_CODES } from './path-parameter-undeclared.js';
import { UNUSED_PATH_PARAMETER_CODES } from './path-parameter-unused.js';

export const loaderWarning: DocumentRule = {
  id: 'loader-warning',
  set: 'testability',
  severity: 'warn',
  given: 'document',
  description: 'The description loads without the loader having to guess or skip anything.',
  fix: 'Fix the part of the description the message names; the loader had to guess or skip it.',
  check(model) {
    return model.warnings
      .filter((warning) => !UNDECLARED_PATH_PARAMETER_CODES.has(warning.code) && !UNUSED_PATH_PARAMETER_CODES.has(warning.code))
      .map((warning) => ({
        pointer: warning.pointer,
        message: `${warning.code}: ${warning.message}`,
        operation: operationAt(model, warning.pointer)?.key,
      }));
  },
};
