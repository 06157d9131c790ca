// Operations that act on existing things (`POST /orders/{id}/cancel`, `GET /users/{userId}/notes`, the
// target of an OpenAPI link) sent with real identifiers: what they depend on is created first, so the
// usual checks judge a real answer instead of a 404 for a made-up id.
import type { Operation } from '../../spec/model.js';
import type { Scenario } from '../../core/test-case.js';
import { edgesInto } from './dependency-graph.js';
import { givesBareValue } from './location-id.js';
import type { Resource } from './resources.js';
import { ScenarioBuilder, type PlanningContext } from './scenario-builder.js';

/** Operations a resource's own scenarios already send with real identifiers. */
export function coveredByLifecycle(resources: Resource[]): Set<string> {
  const covered = new Set<string>();
  for (const resource of resources) {
    if (resource.create === undefined || resource.read === undefined || resource.idSource === undefined || !givesBareValue(resource.idSource)) continue;
    for (const op of [resource.create, resource.read, resource.update, resource.remove, resource.list]) if (op) covered.add(op.key);
  }
  return covered;
}

export function dependencyChainScenario(ctx: PlanningContext, operation: Operation): Scenario | undefined {
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  // Decided on the graph alone first: generating requests is the expensive part of planning.
  const bindable = (name: string) => edgesInto(ctx.graph, operation, { in: 'path', name }).some((e) => givesBareValue(e.value));
  if (pathParams.length === 0 || !pathParams.every((p) => bindable(p.name))) return undefined;
  const id = `stateful:chain:${operation.key}`;
  const builder = new ScenarioBuilder(ctx, id, 'stateful');
  const { request, unbound } = builder.request(operation);
  if (unbound.length > 0 || builder.steps.length === 0) return undefined;
  builder.add('call', operation, request, {
    title: `${operation.key} on what the previous steps created`,
    expectation: 'accept',
    expectStatus: 'success',
  });
  return {
    id,
    agent: 'stateful',
    title: `${builder.steps.map((s) => s.case.operation).join(' → ')}`,
    kind: 'dependency_chain',
    operation: operation.key,
    steps: builder.steps,
    checks: [],
  };
}
