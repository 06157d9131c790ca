// One concrete request for an operation under load: values for its required parameters and, when it
// has one, its body. Optional parameters are left out: a load test measures the common path.
import type { Operation } from '../../spec/model.js';
import type { PlannedBody, PlannedRequest } from '../../core/test-case.js';
import type { ValueHint } from '../../agents/data/values.js';

/** The part of the value generator the planner uses (see agents/data/values.ts). */
export interface RequestValues {
  valid(schema: unknown, hint?: ValueHint): unknown;
}

/** Values the user wrote (a config scenario step): they win over generated ones, optional parameters included. */
export interface FixedValues {
  /** Parameter name → value, in every location that declares the name. */
  params?: Record<string, unknown>;
  /** The whole body; `undefined` when not given. */
  body?: { value: unknown };
}

// OpenAPI says these header parameters are ignored: the client sets them from other information.
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

/** `undefined` when a required value could not be generated. */
export function planRequest(operation: Operation, values: RequestValues, variant: number, fixed: FixedValues = {}): PlannedRequest | undefined {
  const planned: PlannedRequest = { method: operation.method, pathParams: {}, query: {}, headers: {}, cookies: {} };
  const slots = { path: planned.pathParams, query: planned.query, header: planned.headers, cookie: planned.cookies };
  for (const parameter of operation.parameters) {
    if (fixed.params !== undefined && Object.prototype.hasOwnProperty.call(fixed.params, parameter.name)) {
      slots[parameter.in][parameter.name] = fixed.params[parameter.name];
      continue;
    }
    if (!parameter.required && parameter.in !== 'path') continue;
    if (parameter.in === 'header' && IGNORED_HEADERS.has(parameter.name.toLowerCase())) continue;
    const value = values.valid(parameter.schema as never, { name: parameter.name, location: parameter.in, examples: parameter.examples, variant });
    if (value === undefined) return undefined;
    slots[parameter.in][parameter.name] = value;
  }
  const content = operation.requestBody?.content;
  const chosen = content && content.length > 0 ? (content.find((entry) => /[/+]json\b/.test(entry.mediaType)) ?? content[0]!) : undefined;
  if (fixed.body !== undefined) {
    planned.body = { mediaType: chosen?.mediaType ?? 'application/json', value: fixed.body.value };
  } else if (chosen !== undefined) {
    const value = values.valid(chosen.schema as never, { location: 'body', examples: chosen.examples, variant });
    if (value === undefined) {
      if (operation.requestBody!.required) return undefined;
    } else {
      const body: PlannedBody = { mediaType: chosen.mediaType, value };
      planned.body = body;
    }
  }
  return planned;
}
