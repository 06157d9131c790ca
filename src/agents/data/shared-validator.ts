// One validator per model, shared by every agent of a run, and schemas deduplicated by content: a
// description repeats the same small parameter schema in hundreds of operations, and compiling a
// schema (not validating with it) is what costs.
import type { ApiModel, JsonSchema } from '../../spec/model.js';
import { createSchemaValidator } from '../../spec/validator.js';
import type { ValueValidator } from './values.js';

const perModel = new WeakMap<ApiModel, ValueValidator>();

export function sharedValidator(model: ApiModel): ValueValidator {
  let validator = perModel.get(model);
  if (validator === undefined) {
    validator = deduplicated(createSchemaValidator(model));
    perModel.set(model, validator);
  }
  return validator;
}

export function deduplicated(inner: ValueValidator): ValueValidator {
  const representativeOf = new WeakMap<object, object>();
  const byContent = new Map<string, object>();
  const representative = (schema: object): object => {
    let found = representativeOf.get(schema);
    if (found === undefined) {
      const key = JSON.stringify(schema);
      found = byContent.get(key) ?? schema;
      byContent.set(key, found);
      representativeOf.set(schema, found);
    }
    return found;
  };
  return {
    validate: (schema: JsonSchema, value: unknown) => inner.validate(typeof schema === 'object' ? (representative(schema) as JsonSchema) : schema, value),
  };
}
