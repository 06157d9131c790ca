// Unbounded arrays let one request make the server do unbounded work.
import type { SchemaRule } from '../../types.js';
import { hasType } from '../../facts.js';

export const arrayUnbounded: SchemaRule = {
  id: 'owasp-array-unbounded',
  set: 'owasp',
  severity: 'warn',
  owasp: 'API4:2023 Unrestricted Resource Consumption',
  given: 'schema',
  scope: 'input',
  description: 'Input arrays have a maximum number of items.',
  fix: 'Add `maxItems` with the largest batch the server is meant to handle.',
  check(schema, context) {
    if (context.composed || !hasType(schema, 'array') || 'maxItems' in schema || 'enum' in schema || 'const' in schema) return [];
    return [{ pointer: '', message: 'Input array has no maxItems.' }];
  },
};
