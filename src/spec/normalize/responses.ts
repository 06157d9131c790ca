// Responses by status code, code range (`2XX`) and `default`, with content, headers, examples and links.
import type { Link, MediaTypeContent, Response } from '../model.js';
import { contentMap } from './bodies.js';
import { asObj, isObj, optionalString, type NormalizeContext, type Obj, warn } from './context.js';
import { headerMap } from './headers.js';
import { joinPointer } from '../../core/json-pointer.js';

export function normalizeResponses(raw: unknown, pointer: string, produces: string[], ctx: NormalizeContext): Response[] {
  const responses: Response[] = [];
  for (const [code, value] of Object.entries(asObj(raw))) {
    if (code.startsWith('x-')) continue;
    const at = joinPointer(pointer, code);
    const status = statusKey(code);
    if (status === undefined) {
      warn(ctx, 'invalid-response-status', `response key "${code}" is not a status code, a range like 2XX, or default; ignored`, at);
      continue;
    }
    if (!isObj(value)) continue;
    const response: Response = {
      status,
      headers: headerMap(value.headers, ctx),
      content: ctx.dialect === 'swagger-2.0' ? swaggerContent(value, produces, ctx) : contentMap(value.content, ctx),
      links: links(value.links, status),
      pointer: at,
    };
    const description = optionalString(value.description);
    if (description !== undefined) response.description = description;
    responses.push(response);
  }
  return responses;
}

function statusKey(code: string): string | undefined {
  if (code === 'default') return code;
  if (/^[1-5]\d\d$/.test(code)) return code;
  if (/^[1-5]xx$/i.test(code)) return code.toUpperCase();
  return undefined;
}

/** Swagger 2: one schema for every `produces` type; `examples` is keyed by media type. */
function swaggerContent(response: Obj, produces: string[], ctx: NormalizeContext): MediaTypeContent[] {
  const examples = asObj(response.examples);
  if (response.schema === undefined && Object.keys(examples).length === 0) return [];
  const schema = ctx.schemas.convert(response.schema ?? {});
  const types = produces.length > 0 ? produces : Object.keys(examples).length > 0 ? Object.keys(examples) : ['application/json'];
  return types.map((mediaType) => ({ mediaType, schema, examples: mediaType in examples ? [examples[mediaType]] : [] }));
}

function links(raw: unknown, status: string): Link[] {
  return Object.entries(asObj(raw)).flatMap(([name, value]) => {
    if (!isObj(value)) return [];
    const link: Link = { name, status, parameters: { ...asObj(value.parameters) } };
    for (const key of ['operationId', 'operationRef', 'description'] as const) {
      const text = optionalString(value[key]);
      if (text !== undefined) link[key] = text;
    }
    if ('requestBody' in value) link.requestBody = value.requestBody;
    return [link];
  });
}
