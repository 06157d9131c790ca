// An enum without a type leaves `1` vs `"1"` open: generators and validators disagree.
import type { SchemaRule } from '../../types.js';

export const enumWithoutType: SchemaRule = {
  id: 'enum-without-type',
  set: 'testability',
  severity: 'warn',
  given: 'schema',
  scope: 'any',
  description: 'Schemas with `enum` also state their `type`.',
  fix: 'Add the `type` of the enum values (e.g. `type: string`).',
  check(schema) {
    if (!Array.isArray(schema.enum) || 'type' in schema) return [];
    return [{ pointer: '', message: `enum [${schema.enum.slice(0, 5).map((value) => JSON.stringify(value)).join(', ')}${schema.enum.length > 5 ? ', ...' : ''}] has no type.` }];
  },
};
