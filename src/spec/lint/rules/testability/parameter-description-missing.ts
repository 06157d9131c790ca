// A name like `q` or `filter` says little about what values make sense; a description does.
import type { ParameterRule } from '../../types.js';

export const parameterDescriptionMissing: ParameterRule = {
  id: 'parameter-description-missing',
  set: 'testability',
  severity: 'info',
  given: 'parameter',
  description: 'Every parameter has a description.',
  fix: 'Add a `description` saying what the parameter means and which values are valid.',
  check(parameter, operation) {
    if (parameter.description !== undefined && parameter.description.trim() !== '') return [];
    return [{ pointer: parameter.pointer, message: `${parameter.in} parameter "${parameter.name}" of ${operation.key} has no description.` }];
  },
};
