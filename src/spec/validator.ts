// Validating values against the model's JSON Schemas (2020-12) with Ajv, one compiled validator per schema.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { SCHEMA_DEFS_ID, type ApiModel, type JsonSchema } from './model.js';
import { ajvRegExpEngine, patternGuardFor } from '../core/safe-pattern.js';
import { modelSchemas } from './schema-walk.js';
import { SharedSchemas } from './shared-schemas.js';

export interface SchemaValidationError {
  /** JSON pointer into the validated value (`''` is the value itself). */
  pointer: string;
  keyword: string;
  message: string;
}

export interface SchemaValidator {
  validate(schema: JsonSchema, value: unknown): { valid: boolean; errors: SchemaValidationError[] };
  /**
   * Schemas Ajv could not compile (a sloppy pattern, an invalid keyword value), with the reason. Such a
   * schema cannot judge anything, so values are reported valid against it rather than blamed on the API.
   */
  readonly unusableSchemas: ReadonlyMap<object, string>;
}

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as unknown as (ajv: Ajv2020) => void;

const INT32 = 2 ** 31;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function createSchemaValidator(model: ApiModel): SchemaValidator {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    // Descriptions in the wild carry sloppy keyword values; compile what can be compiled.
    validateSchema: false,
    // Patterns like `[\w\-]` are common and invalid under the `u` flag.
    unicodeRegExp: false,
    logger: false,
    // Each shared schema becomes its own function, called from every schema that uses it.
    inlineRefs: false,
    // Ajv's code optimizer doubles compile time for a small gain per validation; big descriptions
    // compile hundreds of schemas per run, each validated a few times.
    // Patterns come from the description and values from the target: linear-time or time-bounded.
    code: { optimize: false, regExp: ajvRegExpEngine(patternGuardFor(model)) },
  });
  addFormats(ajv);
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && n >= -INT32 && n < INT32 });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('float', { type: 'number', validate: () => true });
  ajv.addFormat('double', { type: 'number', validate: () => true });
  ajv.addFormat('byte', BASE64);
  ajv.addFormat('binary', true);
  ajv.addFormat('password', true);
  const unusable = new Map<object, string>();
  const shared = new SharedSchemas(modelSchemas(model));
  for (const schema of shared.registrations(model.schemaDefs)) {
    try {
      ajv.addSchema(schema);
    } catch (error) {
      // A schema that refers to this one will fail to compile and be reported in unusableSchemas.
      unusable.set(schema, (error as Error).message);
    }
  }
  // The defs container too, so a schema built outside the model can still refer to `urn:sentinel:defs#/$defs/<key>`.
  ajv.addSchema({ $id: SCHEMA_DEFS_ID, $defs: model.schemaDefs });

  const compiled = new WeakMap<object, ValidateFunction | null>();

  function compile(schema: object): ValidateFunction | null {
    let validate = compiled.get(schema);
    if (validate !== undefined) return validate;
    try {
      validate = ajv.compile(shared.view(schema as JsonSchema) as object);
    } catch (error) {
      unusable.set(schema, (error as Error).message);
      validate = null;
    }
    compiled.set(schema, validate);
    return validate;
  }

  return {
    unusableSchemas: unusable,
    validate(schema, value) {
      if (schema === true) return { valid: true, errors: [] };
      if (schema === false) return { valid: false, errors: [{ pointer: '', keyword: 'false schema', message: 'no value is allowed here' }] };
      const validate = compile(schema);
      if (validate === null || validate(value)) return { valid: true, errors: [] };
      const errors = (validate.errors ?? []).map((error) => ({
        pointer: error.instancePath,
        keyword: error.keyword,
        message: `${error.instancePath || 'value'} ${error.message ?? 'is invalid'}`,
      }));
      return { valid: false, errors };
    },
  };
}
