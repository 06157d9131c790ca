// NoSQL injection probes: the JSON body's string fields replaced by query operators that match anything.
// A baseline with ordinary values is compared with two operator forms and a match-nothing control.
import { stepCaseId } from '../../../core/roles.js';
import { withBodyValue } from '../../stateful/valid-request.js';
import type { PlannedRequest, Scenario, TestCase } from '../../../core/test-case.js';
import { emptyPlan, type FamilyInput, type FamilyPlan } from '../family.js';

const CHECK = 'nosql_injection';

export const OPERATORS: { role: string; value: unknown; description: string }[] = [
  { role: 'operator-ne', value: { $ne: null }, description: 'string fields replaced by {"$ne": null}' },
  { role: 'operator-gt', value: { $gt: '' }, description: 'string fields replaced by {"$gt": ""}' },
  // An operator that matches nothing: a server that merely ignores objects it cannot use answers this
  // one like the others, a query engine evaluating operators does not.
  { role: 'operator-control', value: { $eq: 'sntl-no-match' }, description: 'string fields replaced by {"$eq": "sntl-no-match"} (control)' },
];

export function planNoSql(input: FamilyInput): FamilyPlan {
  const plan = emptyPlan();
  const body = input.request.body;
  if (body === undefined || !/json/i.test(body.mediaType)) return plan;
  const fields = input.targets.filter((t) => t.location === 'body' && typeof t.base === 'string');
  if (fields.length === 0) return plan;
  const id = `injection:${CHECK}:${input.operation.key}`;
  const step = (role: string, request: PlannedRequest, title: string, mutation?: TestCase['mutation']) => ({
    case: {
      id: stepCaseId(id, role),
      agent: 'injection' as const,
      operation: input.operation.key,
      title,
      expectation: 'any' as const,
      request,
      checks: [CHECK, 'information_disclosure'],
      ...(mutation ? { mutation } : {}),
    },
    extract: {},
    expectStatus: 'any' as const,
  });
  const steps = [step('baseline', input.request, 'Baseline (valid values)')];
  for (const operator of OPERATORS) {
    let value = body.value;
    for (const field of fields) value = withBodyValue(value, field.name, operator.value);
    const mutation = { location: 'body' as const, target: fields.map((f) => f.name).join(','), constraint: `${CHECK}:${operator.role}`, description: operator.description };
    steps.push(step(operator.role, { ...input.request, body: { ...body, value } }, `NoSQL operator: ${operator.description}`, mutation));
  }
  const scenario: Scenario = {
    id,
    agent: 'injection',
    title: `NoSQL operator injection in the body of ${input.operation.key}`,
    kind: 'nosql_operator',
    operation: input.operation.key,
    steps,
    checks: [CHECK],
  };
  plan.scenarios.push(scenario);
  return plan;
}
