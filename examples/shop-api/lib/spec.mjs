// The server reads its own OpenAPI description: routes, parameters, bodies and security come from it,
// so the clean API validates exactly what it documents (with Ajv, as any spec-first service would).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/** ajv-formats is CommonJS: its default export arrives wrapped depending on the loader. */
const addFormats = /** @type {any} */ (addFormatsModule).default ?? addFormatsModule;

export const SPEC_PATH = fileURLToPath(new URL('../openapi.yaml', import.meta.url));

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];

/**
 * @typedef {{ valid: boolean, errors: { path: string, keyword: string, message: string }[] }} ValidationResult
 * @typedef {{ name: string, in: 'path' | 'query' | 'header', required: boolean, type: string | undefined,
 *   check: (value: unknown) => ValidationResult }} ParameterRule
 * @typedef {{ operationId: string, method: string, path: string, segments: string[], parameters: ParameterRule[],
 *   body?: { required: boolean, check: (value: unknown) => ValidationResult,
 *     properties: Record<string, (value: unknown) => ValidationResult> }, secured: boolean,
 *   requiredRole?: string }} OperationRule
 */

/** Replaces every local `$ref` by its target (the example's schemas are not recursive). */
function resolveRefs(node, root) {
  if (Array.isArray(node)) return node.map((entry) => resolveRefs(entry, root));
  if (node === null || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string') {
    const target = node.$ref.slice(2).split('/').reduce((at, key) => at[key.replace(/~1/g, '/').replace(/~0/g, '~')], root);
    return resolveRefs(target, root);
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, resolveRefs(value, root)]));
}

function createAjv() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv;
}

/** @returns {(value: unknown) => ValidationResult} */
function compile(ajv, schema) {
  const validate = ajv.compile(schema);
  return (value) => {
    const valid = /** @type {boolean} */ (validate(value));
    const errors = (validate.errors ?? []).map((error) => ({
      path: error.instancePath,
      keyword: error.keyword,
      message: `${describePointer(error.instancePath)} ${error.message ?? 'is invalid'}`,
    }));
    return { valid, errors };
  };
}

/** `/items/0/name` → `value.items[0].name`: readable, and never mistaken for a file path. */
function describePointer(pointer) {
  return pointer
    .split('/')
    .slice(1)
    .reduce((text, key) => (/^\d+$/.test(key) ? `${text}[${key}]` : `${text}.${key}`), 'value');
}

/** @returns {{ document: any, operations: OperationRule[] }} */
export function loadSpec(path = SPEC_PATH) {
  const raw = parse(readFileSync(path, 'utf8'));
  const document = resolveRefs(raw, raw);
  const ajv = createAjv();
  const globalSecured = (document.security ?? []).length > 0;
  /** @type {OperationRule[]} */
  const operations = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const declared = [...(item.parameters ?? []), ...(operation.parameters ?? [])];
      const json = operation.requestBody?.content?.['application/json'];
      operations.push({
        operationId: operation.operationId,
        method: method.toUpperCase(),
        path,
        segments: path.split('/').slice(1),
        parameters: declared.map((parameter) => ({
          name: parameter.name,
          in: parameter.in,
          required: parameter.required === true,
          type: parameter.schema?.type,
          check: compile(ajv, parameter.schema ?? {}),
        })),
        body: json
          ? {
              required: operation.requestBody.required === true,
              check: compile(ajv, json.schema ?? {}),
              properties: Object.fromEntries(Object.entries(json.schema?.properties ?? {}).map(([name, schema]) => [name, compile(ajv, schema)])),
            }
          : undefined,
        secured: operation.security ? operation.security.length > 0 : globalSecured,
        requiredRole: operation['x-required-role'],
      });
    }
  }
  return { document, operations };
}
