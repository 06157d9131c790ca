// Parameters: path-level and operation-level merged, defaults for style/explode applied, Swagger 2
// parameter-style types turned into schemas. Swagger 2 `body`/`formData` parameters are request bodies
// (see bodies.ts) and are skipped here.
import type { Parameter, ParameterLocation, ParameterStyle } from '../model.js';
import { asObj, collectExamples, describeValue, isObj, optionalString, type NormalizeContext, type Obj, warn } from './context.js';

const LOCATIONS = new Set<string>(['path', 'query', 'header', 'cookie']);
const RESERVED_HEADERS = new Set(['accept', 'content-type', 'authorization']);
const STYLES = new Set<string>(['matrix', 'label', 'simple', 'form', 'spaceDelimited', 'pipeDelimited', 'deepObject', 'cookie']);
/** Swagger 2 parameter fields that are schema keywords. */
const SWAGGER_SCHEMA_FIELDS = [
  'type', 'format', 'items', 'default', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxLength',
  'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'enum', 'multipleOf', 'x-nullable',
];

export interface RawParameter {
  raw: Obj;
  pointer: string;
}

/** Operation parameters win over path-level ones with the same name and location. */
export function mergeParameters(pathLevel: RawParameter[], operationLevel: RawParameter[]): RawParameter[] {
  const byKey = new Map<string, RawParameter>();
  for (const parameter of [...pathLevel, ...operationLevel]) byKey.set(`${String(parameter.raw.in)}:${String(parameter.raw.name)}`, parameter);
  return [...byKey.values()];
}

export function rawParameters(list: unknown, pointer: string): RawParameter[] {
  return (Array.isArray(list) ? list : []).flatMap((raw, index) => (isObj(raw) ? [{ raw, pointer: `${pointer}/${index}` }] : []));
}

export function normalizeParameter({ raw, pointer }: RawParameter, ctx: NormalizeContext): Parameter | undefined {
  const location = String(raw.in);
  const name = optionalString(raw.name);
  if (location === 'body' || location === 'formData') return undefined;
  if (!LOCATIONS.has(location) || name === undefined) {
    warn(ctx, 'invalid-parameter', `parameter ${describeValue(raw.name)} has invalid location ${describeValue(raw.in)}; ignored`, pointer);
    return undefined;
  }
  const where = location as ParameterLocation;
  if (where === 'header' && RESERVED_HEADERS.has(name.toLowerCase())) {
    // OpenAPI: these come from the media types and security schemes; a header parameter with such a name is ignored.
    warn(ctx, 'ignored-header-parameter', `header parameter "${name}" is ignored: it is set from content types or security schemes`, pointer);
    return undefined;
  }
  if (where === 'path' && raw.required !== true) {
    warn(ctx, 'optional-path-parameter', `path parameter "${name}" is not marked required; treated as required`, pointer);
  }
  const swagger = ctx.dialect === 'swagger-2.0';
  const { style, explode } = swagger ? swaggerStyle(raw, where, pointer, ctx) : openApiStyle(raw, where);
  const parameter: Parameter = {
    name,
    in: where,
    required: where === 'path' || raw.required === true,
    style,
    explode,
    allowReserved: raw.allowReserved === true,
    deprecated: raw.deprecated === true,
    schema: swagger ? ctx.schemas.convert(swaggerSchema(raw)) : ctx.schemas.convert(raw.schema ?? {}),
    examples: collectExamples(raw),
    pointer,
  };
  const description = optionalString(raw.description);
  if (description !== undefined) parameter.description = description;
  const content = Object.entries(asObj(raw.content))[0];
  if (!swagger && content) {
    const media = asObj(content[1]);
    parameter.contentType = content[0];
    parameter.schema = ctx.schemas.convert(media.schema ?? {});
    parameter.examples.push(...collectExamples(media));
  }
  return parameter;
}

function openApiStyle(raw: Obj, where: ParameterLocation): { style: ParameterStyle; explode: boolean } {
  const fallback: ParameterStyle = where === 'path' || where === 'header' ? 'simple' : 'form';
  const style = typeof raw.style === 'string' && STYLES.has(raw.style) ? (raw.style as ParameterStyle) : fallback;
  const explode = typeof raw.explode === 'boolean' ? raw.explode : style === 'form';
  return { style, explode };
}

/** Swagger 2 `collectionFormat` → the OpenAPI 3 style/explode pair that serializes the same way. */
function swaggerStyle(raw: Obj, where: ParameterLocation, pointer: string, ctx: NormalizeContext): { style: ParameterStyle; explode: boolean } {
  const simple = where === 'path' || where === 'header';
  switch (raw.collectionFormat ?? 'csv') {
    case 'multi':
      return { style: 'form', explode: true };
    case 'ssv':
      return { style: 'spaceDelimited', explode: false };
    case 'pipes':
      return { style: 'pipeDelimited', explode: false };
    case 'csv':
      return { style: simple ? 'simple' : 'form', explode: false };
    default:
      warn(ctx, 'unsupported-collection-format', `collectionFormat ${describeValue(raw.collectionFormat)} has no OpenAPI 3 equivalent; serialized as csv`, pointer);
      return { style: simple ? 'simple' : 'form', explode: false };
  }
}

/** Builds a schema from a Swagger 2 non-body parameter (or its `items`, recursively). */
export function swaggerSchema(raw: Obj): Obj {
  const schema: Obj = {};
  for (const field of SWAGGER_SCHEMA_FIELDS) if (field in raw) schema[field] = raw[field];
  if (isObj(raw.items)) schema.items = swaggerSchema(raw.items);
  return schema;
}
