// ignored_auth: every operation that declares security, sent with no, malformed or tampered credentials.
// Operations on an item are preceded by creating one (as the default identity), so that a 2xx can happen.
import type { Scenario, TestCase } from '../../core/test-case.js';
import type { ApiModel, Operation } from '../../spec/model.js';
import { ScenarioBuilder, type PlanningContext } from '../stateful/scenario-builder.js';
import { validRequest } from '../stateful/valid-request.js';
import { credentialVariants, type CredentialVariant } from './security.js';

export function ignoredAuthPlan(model: ApiModel, ctx: PlanningContext, operation: Operation, defaultBearerToken?: string): { cases: TestCase[]; scenarios: Scenario[] } {
  const variants = credentialVariants(model, operation, defaultBearerToken);
  const hasPathParams = operation.parameters.some((p) => p.in === 'path');
  if (hasPathParams) {
    const builder = new ScenarioBuilder(ctx, `auth:ignored_auth:${operation.key}`, 'auth');
    const { request, unbound } = builder.request(operation);
    if (unbound.length === 0 && builder.steps.length > 0) {
      for (const variant of variants) {
        const step = builder.add(variant.kind, operation, withCredentials(request, variant), {
          title: `${operation.key} with ${variant.description}`,
          checks: ['ignored_auth'],
        });
        step.case.mutation = mutationOf(variant);
      }
      const scenario: Scenario = {
        id: builder.scenarioId,
        agent: 'auth',
        title: `${operation.key} on an existing resource without valid credentials`,
        kind: 'ignored_auth',
        operation: operation.key,
        steps: builder.steps,
        checks: [],
      };
      return { cases: [], scenarios: [scenario] };
    }
  }
  const base = validRequest(ctx.generator, operation);
  const cases = variants.map(
    (variant): TestCase => ({
      id: `auth:ignored_auth:${operation.key}:${variant.kind}`,
      agent: 'auth',
      operation: operation.key,
      title: `${operation.key} with ${variant.description}`,
      expectation: 'any',
      request: withCredentials(base, variant),
      mutation: mutationOf(variant),
      checks: ['ignored_auth'],
    }),
  );
  return { cases, scenarios: [] };
}

function withCredentials(request: TestCase['request'], variant: CredentialVariant): TestCase['request'] {
  const copy = { ...request };
  delete copy.identity;
  if (variant.identity === null) copy.identity = null;
  if (variant.authOverride !== undefined) copy.authOverride = variant.authOverride;
  return copy;
}

function mutationOf(variant: CredentialVariant): NonNullable<TestCase['mutation']> {
  const header = variant.authOverride === undefined ? 'credentials' : Object.keys(variant.authOverride)[0]!;
  return { location: 'header', target: header, constraint: variant.kind, description: variant.description };
}
