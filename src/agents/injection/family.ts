// What every payload family planner gets, and what it returns.
import type { Scenario, TestCase, PlannedRequest } from '../../core/test-case.js';
import type { ApiModel, Operation } from '../../spec/model.js';
import type { InjectionTarget } from './targets.js';

export interface FamilyInput {
  model: ApiModel;
  operation: Operation;
  /** A valid request for the operation, which payloads modify at one target each. */
  request: PlannedRequest;
  targets: InjectionTarget[];
  seed: number;
  canaryUrl?: string;
}

export interface FamilyPlan {
  cases: TestCase[];
  scenarios: Scenario[];
  /** Operations a family could not test, with why (`ssrf` without a canary); the agent summarizes them. */
  untested: { reason: string; operation: string }[];
}

export function emptyPlan(): FamilyPlan {
  return { cases: [], scenarios: [], untested: [] };
}

/** `injection:sql_injection:GET /items:query.q:2`: unique and stable for a seed. */
export function probeId(family: string, input: FamilyInput, target: InjectionTarget, suffix: string | number): string {
  return `injection:${family}:${input.operation.key}:${target.location}.${target.name}:${suffix}`;
}
