// Negative cases for parameters: each required query/cookie parameter missing, and each parameter's
// invalid and boundary values (one constraint at a time, verified against its schema).
import type { Operation, ParameterLocation } from '../../spec/model.js';
import type { Probe, ValueGenerator } from '../data/values.js';
import { cloneRequest, limitPerPointer, negativeCase } from './cases.js';
import type { PlannedRequest, TestCase } from '../../core/test-case.js';
import { sendableParameters } from '../valid-request.js';

const BUCKET = { path: 'pathParams', query: 'query', header: 'headers', cookie: 'cookies' } as const;

export function bucketOf(request: PlannedRequest, location: ParameterLocation): Record<string, unknown> {
  return request[BUCKET[location]];
}

export function parameterCases(
  operation: Operation,
  base: PlannedRequest,
  generator: ValueGenerator,
  nextId: (label: string) => string,
  limit: number,
): TestCase[] {
  const cases: TestCase[] = [];
  for (const parameter of sendableParameters(operation)) {
    const label = `${parameter.in}.${parameter.name}`;
    const value = bucketOf(base, parameter.in)[parameter.name];
    // A missing path parameter changes the route, and a missing header has its own probe.
    if (parameter.required && (parameter.in === 'query' || parameter.in === 'cookie')) {
      const request = cloneRequest(base);
      delete bucketOf(request, parameter.in)[parameter.name];
      const mutation = { location: parameter.in, target: parameter.name, constraint: 'required', description: 'required parameter missing' };
      cases.push(negativeCase({ id: nextId(`${label}:required`), operation, request, expectation: 'reject', mutation }));
    }
    if (value === undefined) continue;
    const hint = { name: parameter.name, location: parameter.in, base: value };
    const probes: Probe[] = limitPerPointer(generator.invalid(parameter.schema, hint), generator.boundaries(parameter.schema, hint), limit);
    for (const probe of probes) {
      const request = cloneRequest(base);
      if (probe.value === undefined) delete bucketOf(request, parameter.in)[parameter.name];
      else bucketOf(request, parameter.in)[parameter.name] = probe.value;
      const mutation = { location: parameter.in, target: `${parameter.name}${probe.pointer}`, constraint: probe.constraint, description: probe.description };
      const id = nextId(`${label}${probe.pointer}:${probe.constraint}:${probe.expectation}`);
      cases.push(negativeCase({ id, operation, request, expectation: probe.expectation, mutation }));
    }
  }
  return cases;
}
