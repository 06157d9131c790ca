// Builders for the stateful, auth and injection tests: probe cases, exchanges, executed scenario steps
// and a small model loaded from YAML text.
import type { Mutation, PlannedRequest, ProbeExpectation, Scenario, TestCase } from '../../../../src/core/test-case.js';
import type { CanaryHits, Check, ExecutedStep, ScenarioCheck } from '../../../../src/execution/checks/check.js';
import type { Exchange } from '../../../../src/core/exchange.js';
import type { FindingDraft } from '../../../../src/core/finding.js';
import type { ApiModel } from '../../../../src/spec/model.js';
import { loadSpec } from '../../../../src/spec/load.js';
import { stepCaseId } from '../../../../src/core/roles.js';

export function request(extra: Partial<PlannedRequest> = {}): PlannedRequest {
  return { method: 'get', pathParams: {}, query: {}, headers: {}, cookies: {}, ...extra };
}

/** A probe case with `payload` in query parameter `target` (or the body pointer when location is body). */
export function probe(constraint: string, payload: unknown, location: Mutation['location'] = 'query', target = 'q', expects?: ProbeExpectation): TestCase {
  const req = location === 'body' ? request({ method: 'post', body: { mediaType: 'application/json', value: { [target.slice(1)]: payload } } }) : request({ [location === 'path' ? 'pathParams' : location === 'query' ? 'query' : location === 'header' ? 'headers' : 'cookies']: { [target]: payload } });
  return {
    id: 'probe',
    agent: 'injection',
    operation: 'GET /search',
    title: 'probe',
    expectation: 'any',
    request: req,
    mutation: { location, target, constraint, description: 'a probe' },
    checks: [constraint.split(':')[0]!],
    ...(expects !== undefined ? { probe: expects } : {}),
  };
}

export interface Reply {
  status?: number;
  body?: string;
  json?: unknown;
  headers?: Record<string, string>;
  durationMs?: number;
}

export function exchange(reply: Reply = {}): Exchange {
  const body = reply.body ?? (reply.json !== undefined ? JSON.stringify(reply.json) : '');
  return {
    caseId: 'probe',
    correlationId: 'c-1',
    request: { method: 'GET', url: 'http://127.0.0.1:1/search', headers: {} },
    response: {
      status: reply.status ?? 200,
      headers: reply.headers ?? { 'content-type': reply.json !== undefined ? 'application/json' : 'text/plain' },
      body,
      ...(reply.json !== undefined ? { json: reply.json } : {}),
      truncated: false,
    },
    startedAt: 0,
    durationMs: reply.durationMs ?? 5,
    retries: 0,
  };
}

export function judge(check: Check, testCase: TestCase, reply: Reply): FindingDraft[] {
  return check.run({ model: {} as ApiModel, operation: {} as never, testCase, exchange: exchange(reply), options: {}, validate: () => ({ valid: true, errors: [] }) });
}

/** An executed step whose case id carries `role`. `reply` undefined means the step was not sent. */
export function executed(role: string, testCase: Partial<TestCase>, reply?: Reply, variables: Record<string, unknown> = {}): ExecutedStep {
  const full: TestCase = { id: stepCaseId('s', role), agent: 'stateful', operation: 'GET /items/{id}', title: role, expectation: 'any', request: request(), ...testCase };
  full.id = stepCaseId('s', role);
  return { testCase: full, ...(reply ? { exchange: exchange(reply) } : {}), variables };
}

export function judgeScenario(check: ScenarioCheck, steps: ExecutedStep[], scenario: Partial<Scenario> = {}, canary?: CanaryHits, model?: ApiModel): FindingDraft[] {
  const full: Scenario = { id: 's', agent: 'stateful', title: 's', kind: 'lifecycle', operation: 'POST /items', checks: [check.id], steps: [], ...scenario };
  return check.run({ model: model ?? ({ operations: [] } as unknown as ApiModel), scenario: full, steps, options: {}, validate: () => ({ valid: true, errors: [] }), ...(canary ? { canary } : {}) });
}

export async function modelFrom(yaml: string): Promise<ApiModel> {
  return loadSpec('-', { stdin: yaml });
}
