// A planned request (values per parameter) becomes the exact request sent: URL, headers and body.
import type { PlannedRequest } from '../../core/test-case.js';
import type { MediaTypeContent, Operation, Parameter } from '../../spec/model.js';
import type { SentRequest } from '../../core/exchange.js';
import { serializeBody } from './body.js';
import {
  escapeAllowReserved,
  escapeComponent,
  escapeHeaderValue,
  serializeCookiePairs,
  serializeHeaderValue,
  serializePathValue,
  serializeQueryPairs,
} from './style.js';

/**
 * `baseUrl` replaces the description's server URL, base path included; `extraHeaders` (credentials,
 * `--header`) win over same-named header parameters. Header names in the result are lower-case.
 */
export function buildRequest(operation: Operation, planned: PlannedRequest, baseUrl: string, extraHeaders: Record<string, string>): SentRequest {
  const declared = declaredParameters(operation);
  const find = (location: Parameter['in'], name: string) => declared.get(`${location}:${name}`);

  const path = expandPath(operation.path, planned.pathParams, (name) => find('path', name));
  const queryPairs = Object.entries(planned.query).flatMap(([name, value]) => {
    if (value === undefined) return [];
    const parameter = find('query', name);
    if (parameter?.contentType !== undefined) return [`${escapeComponent(name)}=${escapeComponent(JSON.stringify(value))}`];
    const escape = parameter?.allowReserved ? escapeAllowReserved : escapeComponent;
    return serializeQueryPairs(name, value, parameter?.style ?? 'form', parameter?.explode ?? true, escape);
  });
  const url = joinUrl(baseUrl, path) + (queryPairs.length > 0 ? `?${queryPairs.join('&')}` : '');

  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(planned.headers)) {
    if (value === undefined) continue;
    const parameter = find('header', name);
    headers[name.toLowerCase()] =
      parameter?.contentType !== undefined ? escapeHeaderValue(JSON.stringify(value)) : serializeHeaderValue(value, parameter?.explode ?? false);
  }

  const cookiePairs = Object.entries(planned.cookies).flatMap(([name, value]) => {
    if (value === undefined) return [];
    const parameter = find('cookie', name);
    return serializeCookiePairs(name, value, parameter?.explode ?? true);
  });

  let body: string | undefined;
  if (planned.body !== undefined) {
    const content = operation.requestBody?.content.find((c) => c.mediaType === planned.body!.mediaType);
    const serialized = serializeBody(planned.body, encodingOf(content), content?.schema);
    if (serialized !== undefined) {
      headers['content-type'] = serialized.contentType;
      body = serialized.body;
    }
  }

  for (const [name, value] of Object.entries(extraHeaders)) {
    const key = name.toLowerCase();
    if (key === 'cookie') cookiePairs.push(value);
    else headers[key] = value;
  }
  if (cookiePairs.length > 0) headers.cookie = cookiePairs.join('; ');

  const request: SentRequest = { method: planned.method.toUpperCase(), url, headers };
  if (body !== undefined) request.body = body;
  return request;
}

const parameterIndex = new WeakMap<Operation, Map<string, Parameter>>();

/** Parameters by `in:name`, built once per operation (every request of a run looks them up). */
function declaredParameters(operation: Operation): Map<string, Parameter> {
  let index = parameterIndex.get(operation);
  if (index === undefined) {
    index = new Map(operation.parameters.map((p) => [`${p.in}:${p.name}`, p]));
    parameterIndex.set(operation, index);
  }
  return index;
}

function expandPath(template: string, values: Record<string, unknown>, parameterOf: (name: string) => Parameter | undefined): string {
  return template.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    if (!(name in values) || values[name] === undefined) return escapeComponent(whole);
    const parameter = parameterOf(name);
    if (parameter?.contentType !== undefined) return escapeComponent(JSON.stringify(values[name]));
    const escape = parameter?.allowReserved ? escapeAllowReserved : escapeComponent;
    return serializePathValue(name, values[name], parameter?.style ?? 'simple', parameter?.explode ?? false, escape);
  });
}

/** `http://h/api/` + `/pets` → `http://h/api/pets` (the base path is kept, never replaced). */
export function joinUrl(baseUrl: string, path: string): string {
  const base = baseUrl.endsWith('/') ? baseUrl.slice(0, -1) : baseUrl;
  return base + (path.startsWith('/') ? path : `/${path}`);
}

/** The declared encoding, plus OAS defaults: binary properties of a multipart body are file parts. */
function encodingOf(content: MediaTypeContent | undefined): MediaTypeContent['encoding'] {
  if (content === undefined) return undefined;
  const encoding = { ...(content.encoding ?? {}) };
  const schema = content.schema;
  const properties = typeof schema === 'object' && schema.properties !== null && typeof schema.properties === 'object' ? (schema.properties as Record<string, unknown>) : {};
  for (const [name, property] of Object.entries(properties)) {
    if (encoding[name]?.contentType !== undefined || typeof property !== 'object' || property === null) continue;
    const p = property as Record<string, unknown>;
    const binary = p.format === 'binary' || p.contentMediaType !== undefined || (p.items as Record<string, unknown> | undefined)?.format === 'binary';
    if (binary) encoding[name] = { ...encoding[name], contentType: typeof p.contentMediaType === 'string' ? p.contentMediaType : 'application/octet-stream' };
  }
  return encoding;
}
