// Header objects (responses and multipart encodings), in both dialects.
import type { Header } from '../model.js';
import { asObj, isObj, optionalString, type NormalizeContext } from './context.js';
import { swaggerSchema } from './parameters.js';

export function headerMap(raw: unknown, ctx: NormalizeContext): Record<string, Header> {
  const out: Record<string, Header> = {};
  for (const [name, value] of Object.entries(asObj(raw))) {
    if (!isObj(value)) continue;
    const content = Object.values(asObj(value.content))[0];
    const source = ctx.dialect === 'swagger-2.0' ? swaggerSchema(value) : (value.schema ?? asObj(content).schema ?? {});
    const header: Header = { required: value.required === true, schema: ctx.schemas.convert(source), deprecated: value.deprecated === true };
    const description = optionalString(value.description);
    if (description !== undefined) header.description = description;
    out[name] = header;
  }
  return out;
}
