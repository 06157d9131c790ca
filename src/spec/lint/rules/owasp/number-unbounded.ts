// Page sizes, quantities and offsets without limits are classic resource-exhaustion levers.
import type { SchemaRule } from '../../types.js';
import { hasType } from '../../facts.js';

export const numberUnbounded: SchemaRule = {
  id: 'owasp-number-unbounded',
  set: 'owasp',
  severity: 'info',
  owasp: 'API4:2023 Unrestricted Resource Consumption',
  given: 'schema',
  scope: 'input',
  description: 'Input numbers and integers have a minimum and a maximum.',
  fix: 'Add `minimum` and `maximum` (e.g. `per_page` between 1 and 100).',
  check(schema, context) {
    if (context.composed || !(hasType(schema, 'integer') || hasType(schema, 'number')) || 'enum' in schema || 'const' in schema) return [];
    const missing = [
      ...('minimum' in schema || 'exclusiveMinimum' in schema ? [] : ['minimum']),
      ...('maximum' in schema || 'exclusiveMaximum' in schema ? [] : ['maximum']),
    ];
    if (missing.length === 0) return [];
    return [{ pointer: '', message: `Input number has no ${missing.join(' and no ')}.` }];
  },
};
