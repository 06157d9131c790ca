// One concrete request for an operation under load: values for its required parameters and, when it
// has one, its body. Optional parameters are left out: a load test measures the common path.
import type { Operation } from '../../spec/model.js';
import type { PlannedBody, PlannedRequest } from '../test-case.js';
import type { ValueHint } from '../data/values.js';

/** The part of the value generator the planner uses (see agents/data/values.ts). */
export interface RequestValues {
  valid(schema: unknown, hint?: ValueHint): unknown;
}

// OpenAPI says these header parameters are ignored: the client sets them from other information.
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

/** `undefined` when a required value could not be generated. */
export function planRequest(operation: Operation, values: RequestValues, variant: number): PlannedRequest | undefined {
  const planned: PlannedRequest = { method: operation.method, pathParams: {}, query: {}, headers: {}, cookies: {} };
  const slots = { path: planned.pathParams, query: planned.query, header: planned.headers, cookie: planned.cookies };
  for (const parameter of operation.parameters) {
    if (!parameter.required && parameter.in !== 'path') continue;
    if (parameter.in === 'header' && IGNORED_HEADERS.has(parameter.name.toLowerCase())) continue;
    const value = values.valid(parameter.schema as never, { name: parameter.name, location: parameter.in, examples: parameter.examples, variant });
    if (value === undefined) return undefined;
    slots[parameter.in][parameter.name] = value;
  }
  const content = operation.requestBody?.content;
  if (content && content.length > 0) {
    const chosen = content.find((entry) => /[/+]json\b/.test(entry.mediaType)) ?? content[0]!;
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
