// Puts a payload at a target of a planned request, and builds the case that carries it.
import type { PlannedRequest, ProbeExpectation, Scenario, TestCase } from '../../core/test-case.js';
import type { Operation } from '../../spec/model.js';
import { stepCaseId } from '../../core/roles.js';
import { withBodyValue } from '../stateful/valid-request.js';
import { targetLabel, type InjectionTarget } from './targets.js';

export function inject(request: PlannedRequest, target: InjectionTarget, payload: unknown): PlannedRequest {
  const copy: PlannedRequest = { ...request, pathParams: { ...request.pathParams }, query: { ...request.query }, headers: { ...request.headers }, cookies: { ...request.cookies } };
  switch (target.location) {
    case 'path':
      copy.pathParams[target.name] = payload;
      break;
    case 'query':
      copy.query[target.name] = payload;
      break;
    case 'header':
      copy.headers[target.name] = payload;
      break;
    case 'cookie':
      copy.cookies[target.name] = payload;
      break;
    case 'body':
      copy.body = { ...request.body!, value: withBodyValue(request.body!.value, target.name, payload) };
      break;
  }
  return copy;
}

export interface ProbeSpec {
  family: string;
  /** What this probe is within its family: `error`, `marker`, `true-1`, `delay-1`... */
  probe: string;
  payload: unknown;
  description: string;
  /** What the payload makes a vulnerable target do; carried by the case for its check. */
  expects?: ProbeExpectation;
}

/** A case for one payload at one target; `checks` always adds information_disclosure (stack traces from payloads). */
export function probeCase(id: string, operation: Operation, request: PlannedRequest, target: InjectionTarget, spec: ProbeSpec, check: string): TestCase {
  return {
    id,
    agent: 'injection',
    operation: operation.key,
    title: `${spec.description} in ${targetLabel(target)}`,
    expectation: 'any',
    request: inject(request, target, spec.payload),
    mutation: { location: target.location, target: target.name, constraint: `${spec.family}:${spec.probe}`, description: spec.description },
    checks: [check, 'information_disclosure'],
    ...(spec.expects !== undefined ? { probe: spec.expects } : {}),
  };
}

export interface ProbeStep {
  role: string;
  /** Absent for the baseline: the valid request unchanged. */
  spec?: ProbeSpec;
}

/** A differential or time-based probe: steps compared with each other by a scenario check. */
export function probeScenario(
  id: string,
  kind: string,
  operation: Operation,
  request: PlannedRequest,
  target: InjectionTarget,
  steps: ProbeStep[],
  check: string,
  title: string,
): Scenario {
  return {
    id,
    agent: 'injection',
    title: `${title} in ${targetLabel(target)}`,
    kind,
    operation: operation.key,
    steps: steps.map(({ role, spec }) => ({
      case:
        spec === undefined
          ? { id: stepCaseId(id, role), agent: 'injection', operation: operation.key, title: 'Baseline (valid value)', expectation: 'any', request, checks: [check] }
          : probeCase(stepCaseId(id, role), operation, request, target, spec, check),
      extract: {},
      expectStatus: 'any',
    })),
    checks: [check],
  };
}
