// An input property with no type, enum or composition gives a generator nothing to aim at.
import type { SchemaRule } from '../../types.js';
import { escapeToken } from '../../../../core/json-pointer.js';

const SHAPE_KEYWORDS = ['type', 'enum', 'const', '$ref', 'allOf', 'anyOf', 'oneOf', 'not', 'properties', 'items', 'format', 'pattern'];

export const schemaTypeMissing: SchemaRule = {
  id: 'schema-type-missing',
  set: 'testability',
  severity: 'info',
  given: 'schema',
  scope: 'input',
  description: 'Input properties state a type (or an enum, const or composition).',
  fix: 'Add a `type` to the property schema, or `enum`/`const` when only some values are valid.',
  check(schema) {
    const properties = schema.properties;
    if (typeof properties !== 'object' || properties === null) return [];
    const untyped = Object.entries(properties).filter(([, property]) =>
      typeof property === 'object' && property !== null && property.readOnly !== true && !SHAPE_KEYWORDS.some((keyword) => keyword in property));
    return untyped.map(([name]) => ({ pointer: `/properties/${escapeToken(name)}`, message: `property "${name}" has no type.` }));
  },
};
