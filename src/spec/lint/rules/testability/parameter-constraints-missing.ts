// Boundary tests need bounds: without them a generator can only guess which values are valid.
import type { ParameterRule, SchemaObject } from '../../types.js';
import { schemaTypes } from '../../facts.js';
import { parameterSchemaPointer } from '../../pointer.js';

function missingConstraints(schema: SchemaObject): string[] {
  if ('enum' in schema || 'const' in schema || typeof schema.$ref === 'string') return [];
  const types = schemaTypes(schema);
  if (types.length === 0) return ['a type'];
  const missing: string[] = [];
  if (types.includes('string') && !('maxLength' in schema || 'pattern' in schema || 'format' in schema)) missing.push('maxLength, pattern or format');
  if (types.includes('integer') || types.includes('number')) {
    if (!('minimum' in schema || 'exclusiveMinimum' in schema)) missing.push('minimum');
    if (!('maximum' in schema || 'exclusiveMaximum' in schema)) missing.push('maximum');
  }
  if (types.includes('array') && !('maxItems' in schema)) missing.push('maxItems');
  return missing;
}

export const parameterConstraintsMissing: ParameterRule = {
  id: 'parameter-constraints-missing',
  set: 'testability',
  severity: 'info',
  given: 'parameter',
  description: 'Parameter schemas state their valid range: strings a length, pattern or format; numbers a minimum and maximum; arrays maxItems.',
  fix: 'Constrain the parameter schema (`maxLength`/`pattern`/`format`, `minimum`/`maximum`, `maxItems`) or list its values with `enum`.',
  check(parameter, operation, model) {
    if (typeof parameter.schema !== 'object') return [];
    const missing = missingConstraints(parameter.schema);
    if (missing.length === 0) return [];
    return [{
      pointer: parameterSchemaPointer(model, parameter),
      message: `${parameter.in} parameter "${parameter.name}" of ${operation.key} has no ${missing.join(', no ')}.`,
    }];
  },
};
