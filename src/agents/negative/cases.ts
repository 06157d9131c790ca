// Building blocks of the Functional-Negative agent: a case from a base request with one part changed.
import type { Operation } from '../../spec/model.js';
import type { Probe } from '../data/values.js';
import type { Expectation, Mutation, PlannedRequest, TestCase } from '../../core/test-case.js';

/** Gives each case of one operation a stable, unique id from a readable label. */
export function idAllocator(agent: string, operation: Operation): (label: string) => string {
  const used = new Map<string, number>();
  return (label) => {
    const n = (used.get(label) ?? 0) + 1;
    used.set(label, n);
    return `${agent}:${operation.key}:${label}${n > 1 ? `:${n}` : ''}`;
  };
}

export function cloneRequest(request: PlannedRequest): PlannedRequest {
  const copy: PlannedRequest = {
    method: request.method,
    pathParams: { ...request.pathParams },
    query: { ...request.query },
    headers: { ...request.headers },
    cookies: { ...request.cookies },
  };
  if (request.body !== undefined) copy.body = { ...request.body };
  return copy;
}

export interface NegativeCaseInput {
  id: string;
  operation: Operation;
  request: PlannedRequest;
  expectation: Expectation;
  mutation: Mutation;
  checks?: string[];
}

export function negativeCase(input: NegativeCaseInput): TestCase {
  const { mutation } = input;
  const where = mutation.location === 'body' ? `body ${mutation.target || '(root)'}` : `${mutation.location} "${mutation.target}"`;
  const testCase: TestCase = {
    id: input.id,
    agent: 'negative',
    operation: input.operation.key,
    title: `${input.operation.key}: ${where}: ${mutation.description}`,
    expectation: input.expectation,
    request: input.request,
    mutation,
  };
  if (input.checks !== undefined) testCase.checks = input.checks;
  return testCase;
}

/**
 * At most `limit` probes per changed spot, taking invalid and boundary probes in turn so that both
 * kinds survive the cut; the order within each kind is kept (most telling first). A missing or an
 * unknown property is about the object, not the spot's value: those are never cut. A boundary probe
 * outside a bound repeats the invalid probe of that bound: it is dropped.
 */
export function limitPerPointer(invalid: Probe[], boundaries: Probe[], limit: number): Probe[] {
  const structural = (probe: Probe) => probe.constraint === 'required' || probe.constraint === 'additionalProperties' || probe.constraint === 'unevaluatedProperties';
  const sameAs = new Set(invalid.map((probe) => `${probe.pointer}|${probe.constraint}|reject`));
  const groups = new Map<string, [Probe[], Probe[]]>();
  const groupOf = (pointer: string) => {
    let group = groups.get(pointer);
    if (group === undefined) groups.set(pointer, (group = [[], []]));
    return group;
  };
  for (const probe of invalid) if (!structural(probe)) groupOf(probe.pointer)[0].push(probe);
  for (const probe of boundaries) if (!sameAs.has(`${probe.pointer}|${probe.constraint}|${probe.expectation}`)) groupOf(probe.pointer)[1].push(probe);
  const out: Probe[] = invalid.filter(structural);
  for (const [bad, edges] of groups.values()) {
    const picked: Probe[] = [];
    for (let i = 0; picked.length < limit && (i < bad.length || i < edges.length); i++) {
      if (i < bad.length) picked.push(bad[i]!);
      if (i < edges.length && picked.length < limit) picked.push(edges[i]!);
    }
    out.push(...picked);
  }
  return out;
}
