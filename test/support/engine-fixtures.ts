// Builders shared by the tests that drive the run engine (executePlan) directly: a test case for an
// operation, and engine options with two identities (the default one and bob) and every check.
import type { TestCase, TestPlan } from '../../src/core/test-case.js';
import { buildIdentities } from '../../src/execution/auth/identity.js';
import { createCheckRegistry } from '../../src/execution/checks/registry.js';
import type { EngineOptions } from '../../src/execution/run/execute-plan.js';
import type { ApiModel } from '../../src/spec/model.js';
import { createSchemaValidator } from '../../src/spec/validator.js';

export const testCase = (id: string, operation: string, request: Partial<TestCase['request']> = {}, extra: Partial<TestCase> = {}): TestCase => ({
  id,
  agent: 'positive',
  operation,
  title: id,
  expectation: 'any',
  request: { method: operation.split(' ')[0]!.toLowerCase(), pathParams: {}, query: {}, headers: {}, cookies: {}, ...request },
  ...extra,
});

/** Requests carry `x-tenant: t1`; the default identity's bearer is `DEFAULT`, bob's `BOB`. */
export function engineOptions(model: ApiModel, baseUrl: string, plan: Partial<TestPlan>, overrides: Partial<EngineOptions> = {}): EngineOptions {
  const validator = createSchemaValidator(model);
  return {
    model,
    operations: model.operations,
    plan: { seed: 7, cases: [], scenarios: [], notes: [], ...plan },
    baseUrl,
    identities: buildIdentities({ headers: [['x-tenant', 't1']], credentials: { bearer: 'DEFAULT' }, identities: [{ name: 'bob', headers: [['authorization', 'Bearer BOB']] }] }, new Set()),
    concurrency: 4,
    timeoutMs: 2000,
    checkOptions: {},
    checks: createCheckRegistry(),
    validate: (schema, value) => validator.validate(schema as never, value),
    ...overrides,
  };
}
