// Integer ids on object paths are guessable: /orders/1, /orders/2... the shape BOLA attacks walk.
import type { ParameterRule } from '../../types.js';
import { hasType } from '../../facts.js';
import { parameterSchemaPointer } from '../../pointer.js';

const ID_NAME = /(^id$|[_-]id$|[a-z]Id$|ID$|^(number|num|no)$)/;

export const sequentialIdPath: ParameterRule = {
  id: 'owasp-sequential-id-path',
  set: 'owasp',
  severity: 'warn',
  owasp: 'API1:2023 Broken Object Level Authorization',
  given: 'parameter',
  description: 'Object identifiers in paths are not sequential integers.',
  fix: 'Use unguessable identifiers (UUIDs or random ids) and check ownership of the object on every request.',
  check(parameter, operation, model) {
    if (parameter.in !== 'path' || !ID_NAME.test(parameter.name) || typeof parameter.schema !== 'object') return [];
    if (!hasType(parameter.schema, 'integer')) return [];
    return [{
      pointer: parameterSchemaPointer(model, parameter),
      message: `${operation.key} identifies objects by the integer "${parameter.name}", which can be enumerated.`,
    }];
  },
};
