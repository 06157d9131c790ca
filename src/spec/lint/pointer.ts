// JSON pointers for the nodes rules look at. The model keeps pointers for operations, parameters,
// bodies and responses; the parts below them depend on the source dialect (Swagger 2 has no `content`).
import { joinPointer } from '../../core/json-pointer.js';
import type { ApiModel, MediaTypeContent, Parameter } from '../model.js';

function isSwagger2(model: ApiModel): boolean {
  return model.dialect === 'swagger-2.0';
}

/** The pointer of a parameter's schema: Swagger 2 keeps type keywords on the parameter itself. */
export function parameterSchemaPointer(model: ApiModel, parameter: Parameter): string {
  if (parameter.contentType !== undefined) return joinPointer(parameter.pointer, 'content', parameter.contentType, 'schema');
  return isSwagger2(model) ? parameter.pointer : `${parameter.pointer}/schema`;
}

/** The pointer of one media type under a request body or response (`ownerPointer`). */
export function mediaTypePointer(model: ApiModel, ownerPointer: string, content: MediaTypeContent): string {
  return isSwagger2(model) ? ownerPointer : joinPointer(ownerPointer, 'content', content.mediaType);
}

export function mediaSchemaPointer(model: ApiModel, ownerPointer: string, content: MediaTypeContent): string {
  return `${mediaTypePointer(model, ownerPointer, content)}/schema`;
}

/** Swagger 2 response headers carry their type keywords directly, like its parameters. */
export function headerSchemaPointer(model: ApiModel, responsePointer: string, name: string): string {
  const header = joinPointer(responsePointer, 'headers', name);
  return isSwagger2(model) ? header : `${header}/schema`;
}

export function securitySchemePointer(model: ApiModel, name: string): string {
  return isSwagger2(model) ? joinPointer('/securityDefinitions', name) : joinPointer('/components/securitySchemes', name);
}

/** Swagger 2 spreads the server over `schemes`, `host` and `basePath`; point at the scheme list. */
export function serverPointer(model: ApiModel, index: number): string {
  return isSwagger2(model) ? '/schemes' : `/servers/${index}`;
}
