// Two protocol probes of the negative agent: a method a path does not declare (judged by the
// unsupported_method check: 405 with an Allow header) and a required header left out.
import type { ApiModel, Operation } from '../../spec/model.js';
import { deriveSeed } from '../data/prng.js';
import { createValueGenerator } from '../data/values.js';
import { cloneRequest, negativeCase } from './cases.js';
import type { PlannedRequest, TestCase } from '../../core/test-case.js';
import { emptyRequest, sendableParameters } from '../valid-request.js';

/** Tried in this order; the first one the path does not declare is sent. */
const PROBE_METHODS = ['patch', 'put', 'post', 'delete', 'get'];

export function unsupportedMethodProbes(model: ApiModel, operations: Operation[], seed: number): TestCase[] {
  const declared = new Map<string, Set<string>>();
  for (const operation of model.operations) {
    const methods = declared.get(operation.path) ?? new Set<string>();
    methods.add(operation.method);
    declared.set(operation.path, methods);
  }
  const firstPerPath = new Map<string, Operation>();
  for (const operation of operations) if (!firstPerPath.has(operation.path)) firstPerPath.set(operation.path, operation);
  const cases: TestCase[] = [];
  for (const [path, operation] of firstPerPath) {
    const method = PROBE_METHODS.find((m) => !declared.get(path)?.has(m));
    if (method === undefined) continue;
    const request = emptyRequest(method);
    const generator = createValueGenerator(model, deriveSeed(seed, `unsupported ${path}`));
    for (const parameter of operation.parameters.filter((p) => p.in === 'path')) {
      const value = generator.valid(parameter.schema, { name: parameter.name, location: 'path', examples: parameter.examples });
      if (value !== undefined) request.pathParams[parameter.name] = value;
    }
    cases.push({
      id: `negative:${operation.key}:unsupported-method-${method.toUpperCase()}`,
      agent: 'negative',
      operation: operation.key,
      title: `${method.toUpperCase()} ${path}: a method the path does not declare`,
      expectation: 'any',
      request,
      checks: ['unsupported_method'],
    });
  }
  return cases;
}

export function missingHeaderProbe(operation: Operation, base: PlannedRequest, nextId: (label: string) => string): TestCase | undefined {
  const header = sendableParameters(operation).find((p) => p.in === 'header' && p.required);
  if (header === undefined) return undefined;
  const request = cloneRequest(base);
  delete request.headers[header.name];
  return negativeCase({
    id: nextId(`header.${header.name}:missing-required-header`),
    operation,
    request,
    expectation: 'reject',
    mutation: { location: 'header', target: header.name, constraint: 'required', description: 'required header missing' },
    checks: ['missing_required_header'],
  });
}
