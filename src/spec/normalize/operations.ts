// Operations from `paths`: one per path item method, parameters merged, bodies and responses normalized.
import type { HttpMethod, Operation, SecurityScheme, Webhook } from '../model.js';
import { joinPointer } from '../../core/json-pointer.js';
import { mediaTypes, openApiRequestBody, swaggerRequestBody } from './bodies.js';
import { asObj, isObj, optionalString, stringList, type NormalizeContext, type Obj, warn } from './context.js';
import { mergeParameters, normalizeParameter, rawParameters } from './parameters.js';
import { reconcilePathParameters } from './path-params.js';
import { normalizeResponses } from './responses.js';
import { securityRequirements } from './security.js';
import { openApiServers } from './servers.js';

const METHODS: HttpMethod[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

function methodsFor(ctx: NormalizeContext): HttpMethod[] {
  // `query` is an OpenAPI 3.2 addition.
  return ctx.dialect === 'openapi-3.2' ? [...METHODS, 'query'] : METHODS;
}

export function normalizeOperations(doc: Obj, schemes: Record<string, SecurityScheme>, ctx: NormalizeContext, base?: string): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(asObj(doc.paths))) {
    if (path.startsWith('x-')) continue;
    const itemPointer = joinPointer('/paths', path);
    if (!path.startsWith('/')) warn(ctx, 'path-without-slash', `path "${path}" does not start with "/"`, itemPointer);
    if (!isObj(item)) continue;
    for (const method of methodsFor(ctx)) {
      const raw = item[method];
      if (!isObj(raw)) continue;
      operations.push(normalizeOperation(path, method, item, raw, joinPointer(itemPointer, method), schemes, ctx, base));
    }
  }
  reportDuplicateOperationIds(operations, ctx);
  return operations;
}

function normalizeOperation(
  path: string, method: HttpMethod, item: Obj, raw: Obj, pointer: string,
  schemes: Record<string, SecurityScheme>, ctx: NormalizeContext, base?: string,
): Operation {
  const swagger = ctx.dialect === 'swagger-2.0';
  const merged = mergeParameters(rawParameters(item.parameters, joinPointer('/paths', path, 'parameters')), rawParameters(raw.parameters, `${pointer}/parameters`));
  const parameters = merged.flatMap((parameter) => normalizeParameter(parameter, ctx) ?? []);
  const operation: Operation = {
    key: `${method.toUpperCase()} ${path}`,
    method,
    path,
    tags: stringList(raw.tags),
    deprecated: raw.deprecated === true,
    parameters: reconcilePathParameters(path, parameters, pointer, ctx),
    responses: normalizeResponses(raw.responses, `${pointer}/responses`, swagger ? mediaTypes(raw.produces, ctx.produces) : [], ctx),
    links: [],
    pointer,
    extensions: extensions(raw),
  };
  operation.links = operation.responses.flatMap((response) => response.links);
  for (const key of ['operationId', 'summary', 'description'] as const) {
    const text = optionalString(raw[key]) ?? (key === 'operationId' ? undefined : optionalString(item[key]));
    if (text !== undefined) operation[key] = text;
  }
  const body = swagger ? swaggerRequestBody(merged, mediaTypes(raw.consumes, ctx.consumes), ctx) : openApiRequestBody(raw.requestBody, `${pointer}/requestBody`, ctx);
  if (body) operation.requestBody = body;
  if (Array.isArray(raw.security)) operation.security = securityRequirements(raw.security, `${pointer}/security`, schemes, ctx);
  const servers = Array.isArray(raw.servers) ? raw.servers : Array.isArray(item.servers) ? item.servers : undefined;
  if (!swagger && servers && servers.length > 0) operation.servers = openApiServers(servers, Array.isArray(raw.servers) ? `${pointer}/servers` : joinPointer('/paths', path, 'servers'), ctx, base);
  return operation;
}

/** Duplicate operationIds make links and reports ambiguous, but the operations themselves still work: a warning. */
function reportDuplicateOperationIds(operations: Operation[], ctx: NormalizeContext): void {
  const first = new Map<string, Operation>();
  for (const operation of operations) {
    if (operation.operationId === undefined) continue;
    const earlier = first.get(operation.operationId);
    if (earlier) warn(ctx, 'duplicate-operation-id', `operationId "${operation.operationId}" is also used by ${earlier.key}`, `${operation.pointer}/operationId`);
    else first.set(operation.operationId, operation);
  }
}

function extensions(raw: Obj): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) if (key.startsWith('x-')) out[key] = value;
  return out;
}

/** OpenAPI 3.1+ `webhooks`: listed (Sentinel does not call them). */
export function normalizeWebhooks(doc: Obj, ctx: NormalizeContext): Webhook[] {
  const webhooks: Webhook[] = [];
  for (const [name, item] of Object.entries(asObj(doc.webhooks))) {
    for (const method of methodsFor(ctx)) {
      const raw = asObj(asObj(item)[method]);
      if (Object.keys(raw).length === 0) continue;
      const webhook: Webhook = { name, method, pointer: joinPointer('/webhooks', name, method) };
      const operationId = optionalString(raw.operationId);
      const summary = optionalString(raw.summary);
      if (operationId !== undefined) webhook.operationId = operationId;
      if (summary !== undefined) webhook.summary = summary;
      webhooks.push(webhook);
    }
  }
  return webhooks;
}
