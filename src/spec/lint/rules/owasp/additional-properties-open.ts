// Objects that accept unknown properties invite mass assignment (`"isAdmin": true`).
import type { SchemaObject, SchemaRule } from '../../types.js';
import { hasType } from '../../facts.js';

function declaresProperties(schema: SchemaObject): boolean {
  if (typeof schema.properties === 'object' && schema.properties !== null) return true;
  const allOf = schema.allOf;
  return Array.isArray(allOf) && allOf.some((branch) => typeof branch === 'object' && branch !== null && 'properties' in branch);
}

export const additionalPropertiesOpen: SchemaRule = {
  id: 'owasp-additional-properties-open',
  set: 'owasp',
  severity: 'warn',
  owasp: 'API3:2023 Broken Object Property Level Authorization',
  given: 'schema',
  scope: 'input',
  description: 'Input objects with declared properties reject unknown ones.',
  fix: 'Set `additionalProperties: false` (with allOf compositions, `unevaluatedProperties: false` on the composed schema).',
  check(schema, context) {
    // Closing an allOf branch would reject its siblings' properties; the composed schema is checked instead.
    if (context.composed || !declaresProperties(schema)) return [];
    if (schema.type !== undefined && !hasType(schema, 'object')) return [];
    if (schema.additionalProperties === false || schema.unevaluatedProperties === false) return [];
    // A constrained map (`additionalProperties: {schema}`) is a deliberate choice, not an open door.
    if (typeof schema.additionalProperties === 'object' && schema.additionalProperties !== null) return [];
    return [{ pointer: '', message: 'Input object accepts properties it does not declare.' }];
  },
};
