// A schema-valid request for an operation: values for its parameters and body, drawn from the value
// generator (spec examples first). Shared by the positive, negative and mocking agents.
import type { JsonSchema, MediaTypeContent, Operation, Parameter } from '../spec/model.js';
import type { OptionalPolicy } from './data/generate.js';
import type { ValueGenerator } from './data/values.js';
import type { PlannedRequest } from '../core/test-case.js';

/** OpenAPI ignores header parameters with these names; the client sets them itself. */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

export function sendableParameters(operation: Operation): Parameter[] {
  return operation.parameters.filter((p) => !(p.in === 'header' && IGNORED_HEADERS.has(p.name.toLowerCase())));
}

/** The body media type to exercise: JSON first, then forms, then whatever is declared first. */
export function chooseContent(operation: Operation): MediaTypeContent | undefined {
  const content = operation.requestBody?.content ?? [];
  const essence = (c: MediaTypeContent) => c.mediaType.split(';')[0]!.trim().toLowerCase();
  return (
    content.find((c) => essence(c) === 'application/json') ??
    content.find((c) => essence(c).endsWith('+json')) ??
    content.find((c) => essence(c) === 'application/x-www-form-urlencoded') ??
    content.find((c) => essence(c) === 'multipart/form-data') ??
    content[0]
  );
}

export interface ValidRequestOptions {
  /** Include optional parameters and properties: none, all, or some at random. */
  optional: OptionalPolicy;
  /** Coverage variant for enum values and branches; -1 for random. */
  variant: number;
  /** Try the spec's examples first. */
  useExamples: boolean;
  /** Which body example to try first (the others follow); default 0. */
  exampleIndex?: number;
}

export interface ValidRequest {
  request: PlannedRequest;
  /** Names of required parts no valid value could be found for (the request is then incomplete). */
  missing: string[];
}

const BUCKET = { path: 'pathParams', query: 'query', header: 'headers', cookie: 'cookies' } as const;

export function emptyRequest(method: string): PlannedRequest {
  return { method, pathParams: {}, query: {}, headers: {}, cookies: {} };
}

export function validRequest(generator: ValueGenerator, operation: Operation, options: ValidRequestOptions): ValidRequest {
  const request = emptyRequest(operation.method);
  const missing: string[] = [];
  for (const parameter of sendableParameters(operation)) {
    // A parameter with a spec example is part of the examples case even when optional.
    const exemplified = options.useExamples && parameter.examples.length > 0;
    const include = parameter.required || exemplified || options.optional === 'all' || (options.optional === 'some' && generator.chance(0.5));
    if (!include) continue;
    const value = generator.valid(parameter.schema, {
      name: parameter.name,
      location: parameter.in,
      examples: options.useExamples ? parameter.examples : [],
      schemaExamples: options.useExamples,
      optional: options.optional,
      variant: options.variant,
    });
    if (value === undefined) {
      if (parameter.required) missing.push(`${parameter.in} parameter "${parameter.name}"`);
      continue;
    }
    request[BUCKET[parameter.in]][parameter.name] = value;
  }
  const content = chooseContent(operation);
  if (content !== undefined) {
    const examples = options.useExamples ? rotate(content.examples, options.exampleIndex ?? 0) : [];
    const value = generator.valid(content.schema, {
      examples: options.optional === 'all' ? [...completed(generator, content.schema, examples, options.variant), ...examples] : examples,
      schemaExamples: options.useExamples,
      optional: options.optional,
      variant: options.variant,
    });
    if (value !== undefined) request.body = { mediaType: content.mediaType, value };
    else if (operation.requestBody?.required) missing.push(`${content.mediaType} request body`);
  }
  return { request, missing };
}

/**
 * Spec examples completed with every optional property they leave out (the example's own values win):
 * the example's ids refer to things that exist, and every property is there to be probed.
 */
function completed(generator: ValueGenerator, schema: JsonSchema, examples: unknown[], variant: number): unknown[] {
  const objects = examples.filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null && !Array.isArray(e));
  if (objects.length === 0) return [];
  const full = generator.valid(schema, { optional: 'all', variant, schemaExamples: true });
  if (typeof full !== 'object' || full === null || Array.isArray(full)) return [];
  return objects.map((example) => ({ ...full, ...example }));
}

function rotate<T>(items: T[], start: number): T[] {
  return start <= 0 || start >= items.length ? items : [...items.slice(start), ...items.slice(0, start)];
}
