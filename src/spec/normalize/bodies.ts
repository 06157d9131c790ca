// Request bodies by media type: OpenAPI 3 `requestBody`; Swagger 2 `in: body` and `formData` parameters.
import type { MediaTypeContent, ParameterStyle, RequestBody } from '../model.js';
import { asObj, collectExamples, isObj, optionalString, stringList, type NormalizeContext, type Obj } from './context.js';
import { headerMap } from './headers.js';
import type { RawParameter } from './parameters.js';
import { swaggerSchema } from './parameters.js';

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

export function openApiRequestBody(raw: unknown, pointer: string, ctx: NormalizeContext): RequestBody | undefined {
  if (!isObj(raw)) return undefined;
  const body: RequestBody = { required: raw.required === true, content: contentMap(raw.content, ctx), pointer };
  const description = optionalString(raw.description);
  if (description !== undefined) body.description = description;
  return body;
}

/** A Content map (media type → Media Type Object), shared by bodies and responses. */
export function contentMap(raw: unknown, ctx: NormalizeContext): MediaTypeContent[] {
  return Object.entries(asObj(raw)).map(([mediaType, value]) => {
    const media = asObj(value);
    const content: MediaTypeContent = { mediaType, schema: ctx.schemas.convert(media.schema ?? {}), examples: collectExamples(media) };
    if (isObj(media.encoding)) content.encoding = encodingMap(media.encoding, ctx);
    return content;
  });
}

function encodingMap(raw: Obj, ctx: NormalizeContext): NonNullable<MediaTypeContent['encoding']> {
  const out: NonNullable<MediaTypeContent['encoding']> = {};
  for (const [property, value] of Object.entries(raw)) {
    const encoding = asObj(value);
    out[property] = {
      ...(optionalString(encoding.contentType) ? { contentType: encoding.contentType as string } : {}),
      ...(optionalString(encoding.style) ? { style: encoding.style as ParameterStyle } : {}),
      ...(typeof encoding.explode === 'boolean' ? { explode: encoding.explode } : {}),
      ...(isObj(encoding.headers) ? { headers: headerMap(encoding.headers, ctx) } : {}),
    };
  }
  return out;
}

/** Swagger 2: the `body` parameter, or the `formData` parameters gathered into one object schema. */
export function swaggerRequestBody(parameters: RawParameter[], consumes: string[], ctx: NormalizeContext): RequestBody | undefined {
  const body = parameters.find((parameter) => parameter.raw.in === 'body');
  if (body) {
    const types = consumes.length > 0 ? consumes : ['application/json'];
    const schema = ctx.schemas.convert(body.raw.schema ?? {});
    const examples = Object.values(asObj(body.raw['x-examples']));
    const result: RequestBody = { required: body.raw.required === true, content: types.map((mediaType) => ({ mediaType, schema, examples })), pointer: body.pointer };
    const description = optionalString(body.raw.description);
    if (description !== undefined) result.description = description;
    return result;
  }
  const fields = parameters.filter((parameter) => parameter.raw.in === 'formData');
  if (fields.length === 0) return undefined;
  const properties: Obj = {};
  const required: string[] = [];
  const encoding: NonNullable<MediaTypeContent['encoding']> = {};
  for (const { raw } of fields) {
    const name = String(raw.name);
    const description = optionalString(raw.description);
    properties[name] = ctx.schemas.convert({ ...swaggerSchema(raw), ...(description ? { description } : {}) });
    if (raw.required === true) required.push(name);
    if (raw.type === 'array') encoding[name] = { style: 'form', explode: raw.collectionFormat === 'multi' };
  }
  const hasFile = fields.some(({ raw }) => raw.type === 'file');
  const declared = consumes.filter((type) => FORM_TYPES.includes(type.split(';')[0]!.trim()));
  const types = declared.length > 0 ? declared : [hasFile ? 'multipart/form-data' : 'application/x-www-form-urlencoded'];
  const schema = { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
  return {
    required: required.length > 0,
    content: types.map((mediaType) => ({ mediaType, schema, examples: [], ...(Object.keys(encoding).length > 0 ? { encoding } : {}) })),
    pointer: fields[0]!.pointer,
  };
}

export function mediaTypes(operationLevel: unknown, documentLevel: string[]): string[] {
  const own = stringList(operationLevel);
  return Array.isArray(operationLevel) ? own : documentLevel;
}
