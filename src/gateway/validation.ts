// Input validation of every route, from its JSON Schemas: all problems at once (allErrors), unknown fields
// refused (schemas say additionalProperties: false), nothing silently removed. Bodies keep their JSON
// types; query strings and path parameters are text, so only they are coerced.
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import type { ProblemDetail } from './problem.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function createAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({ allErrors: true, coerceTypes: coerce ? 'array' : false, useDefaults: true, removeAdditional: false, strict: false });
  addFormats(ajv);
  return ajv;
}

export function createValidatorCompiler() {
  const bodies = createAjv(false);
  const text = createAjv(true);
  return ({ schema, httpPart }: { schema: object; httpPart?: string }) => (httpPart === 'body' ? bodies : text).compile(schema);
}

/** Ajv's errors as `{path, message}`, naming the field (`body/name`) and what is wrong with it. */
export function problemDetails(errors: readonly (FastifySchemaValidationError | ErrorObject)[], part: string): ProblemDetail[] {
  return errors.map((error) => {
    const params = error.params as Record<string, unknown>;
    const base = `${part}${error.instancePath}`;
    if (error.keyword === 'additionalProperties') return { path: `${base}/${String(params.additionalProperty)}`, message: 'unknown field' };
    if (error.keyword === 'required') return { path: `${base}/${String(params.missingProperty)}`, message: 'is required' };
    return { path: base, message: error.message ?? 'is invalid' };
  });
}
