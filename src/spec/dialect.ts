// Which OpenAPI dialect a parsed document is written in, from its `swagger` / `openapi` field.
import { SpecError } from '../core/errors.js';
import type { Dialect } from './model.js';
import { describeValue } from './normalize/context.js';

export interface DetectedDialect {
  dialect: Dialect;
  specVersion: string;
}

export function detectDialect(doc: unknown, file: string): DetectedDialect {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    const kind = Array.isArray(doc) ? 'an array' : doc === null ? 'null' : `a ${typeof doc}`;
    throw new SpecError(file, `not an OpenAPI description: the document is ${kind}, expected an object`, '');
  }
  const record = doc as Record<string, unknown>;
  if ('swagger' in record) {
    const version = String(record.swagger);
    if (version === '2.0' || version === '2') return { dialect: 'swagger-2.0', specVersion: '2.0' };
    throw new SpecError(file, `unsupported Swagger version "${version}" (only 2.0 is supported)`, '/swagger');
  }
  if ('openapi' in record) {
    const version = String(record.openapi);
    if (typeof record.openapi !== 'string') {
      throw new SpecError(file, `the openapi field must be a string like "3.1.0", found ${describeValue(record.openapi)}`, '/openapi');
    }
    if (/^3\.0(\.\d+)?$/.test(version)) return { dialect: 'openapi-3.0', specVersion: version };
    if (/^3\.1(\.\d+)?$/.test(version)) return { dialect: 'openapi-3.1', specVersion: version };
    if (/^3\.2(\.\d+)?$/.test(version)) return { dialect: 'openapi-3.2', specVersion: version };
    throw new SpecError(file, `unsupported OpenAPI version "${version}" (supported: 2.0, 3.0.x, 3.1.x, 3.2.x)`, '/openapi');
  }
  if ('asyncapi' in record) throw new SpecError(file, 'an AsyncAPI document, not an OpenAPI description', '/asyncapi');
  if ('openrpc' in record) throw new SpecError(file, 'an OpenRPC document, not an OpenAPI description', '/openrpc');
  throw new SpecError(file, 'not an OpenAPI description: no "openapi" or "swagger" version field at the top level', '');
}
