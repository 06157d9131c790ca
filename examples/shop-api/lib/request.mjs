// Reads and validates a request against its operation: parameters (coerced from text by their schema
// type) and the JSON body. Problems become HttpErrors with the documented statuses (400, 415).
import { HttpError } from './http.mjs';

/** @typedef {import('./spec.mjs').OperationRule} OperationRule */

const MAX_BODY_BYTES = 1_000_000;

/**
 * Text from the wire → the typed value its schema expects; text that does not fit stays text, so the
 * schema check refuses it with a precise message.
 * @param {string} text
 * @param {string | undefined} type
 */
export function coerce(text, type) {
  if (type === 'integer' && /^-?\d+$/.test(text)) return Number(text);
  if (type === 'number' && /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return Number(text);
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

/**
 * @param {OperationRule} operation
 * @param {Record<string, string>} pathParams
 * @param {URLSearchParams} query
 * @param {import('node:http').IncomingHttpHeaders} headers
 * @param {{ skipMissingHeaders?: boolean, skipValidation?: string[] }} [options]
 * @returns {Record<string, unknown>} parameter name → typed value (absent optional parameters are left out)
 */
export function readParameters(operation, pathParams, query, headers, options = {}) {
  /** @type {Record<string, unknown>} */
  const values = {};
  for (const parameter of operation.parameters) {
    const texts = rawValues(parameter, pathParams, query, headers);
    if (texts.length === 0) {
      if (parameter.required && !(parameter.in === 'header' && options.skipMissingHeaders)) {
        throw new HttpError(400, 'missing_parameter', `${parameter.in} parameter ${parameter.name} is required`);
      }
      continue;
    }
    if (texts.length > 1) throw new HttpError(400, 'invalid_parameter', `${parameter.in} parameter ${parameter.name} must be given once`);
    const value = coerce(texts[0], parameter.type);
    if (options.skipValidation?.includes(parameter.name)) {
      values[parameter.name] = value;
      continue;
    }
    const result = parameter.check(value);
    if (!result.valid) {
      throw new HttpError(400, 'invalid_parameter', `${parameter.in} parameter ${parameter.name}: ${result.errors[0]?.message ?? 'invalid'}`);
    }
    values[parameter.name] = value;
  }
  return values;
}

/**
 * @param {import('./spec.mjs').ParameterRule} parameter
 * @param {Record<string, string>} pathParams
 * @param {URLSearchParams} query
 * @param {import('node:http').IncomingHttpHeaders} headers
 * @returns {string[]}
 */
function rawValues(parameter, pathParams, query, headers) {
  if (parameter.in === 'path') return parameter.name in pathParams ? [pathParams[parameter.name]] : [];
  if (parameter.in === 'query') return query.getAll(parameter.name);
  const value = headers[parameter.name.toLowerCase()];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<string>}
 */
export async function readBodyText(req) {
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'body_too_large', `the body exceeds ${MAX_BODY_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The parsed JSON body, or `undefined` when the operation takes none and none was sent.
 * @param {OperationRule} operation
 * @param {import('node:http').IncomingHttpHeaders} headers
 * @param {string} text
 */
export function parseJsonBody(operation, headers, text) {
  if (!operation.body) return undefined;
  if (text.trim() === '') {
    if (operation.body.required) throw new HttpError(400, 'missing_body', 'a JSON body is required');
    return undefined;
  }
  const mediaType = (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new HttpError(415, 'unsupported_media_type', 'the body must be sent as application/json');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'malformed_json', 'the body is not valid JSON');
  }
}

/**
 * @param {OperationRule} operation
 * @param {unknown} body
 * @param {(error: { path: string, keyword: string }) => boolean} [ignore] errors a seeded defect overlooks
 */
export function validateBody(operation, body, ignore = () => false) {
  if (!operation.body || body === undefined) return;
  const result = operation.body.check(body);
  const errors = result.errors.filter((error) => !ignore(error));
  if (!result.valid && errors.length > 0) {
    throw new HttpError(400, 'invalid_body', errors[0].message);
  }
}
