// Functional-Stateful agent: sequences over resources inferred from the description (links, names and
// schemas), each a Scenario judged step by step and as a whole.
import type { Agent, AgentOutput } from '../agent.js';
import type { ApiModel, Operation } from '../../spec/model.js';
import { deriveSeed } from '../data/prng.js';
import { createValueGenerator } from '../data/values.js';
import { buildDependencyGraph } from './dependency-graph.js';
import { coveredByLifecycle, dependencyChainScenario } from './dependency-chain.js';
import { failedUpdateScenario } from './failed-update.js';
import { createThenListScenario, lifecycleScenario, type Planned } from './lifecycle.js';
import { summarize } from './notes.js';
import type { PlanningContext } from './scenario-builder.js';

export function planningContext(model: ApiModel, operations: Operation[], seed: number, label: string): PlanningContext {
  return {
    model,
    graph: buildDependencyGraph(model, operations),
    generator: createValueGenerator(model, deriveSeed(seed, label)),
    operations: new Map(operations.map((op) => [op.key, op])),
  };
}

export const statefulAgent: Agent = {
  name: 'stateful',
  description: 'Multi-step scenarios over inferred resources: lifecycle, create then list, parent/child chains, failed updates',
  plan(model, operations, context): AgentOutput {
    const ctx = planningContext(model, operations, context.seed, 'stateful');
    const output: AgentOutput = { cases: [], scenarios: [], notes: [] };
    const skipped: string[] = [];
    for (const resource of ctx.graph.resources) {
      if (resource.create === undefined) continue;
      const planned: Planned[] = [lifecycleScenario(ctx, resource), createThenListScenario(ctx, resource), failedUpdateScenario(ctx, resource)];
      for (const result of planned) {
        if ('scenario' in result) output.scenarios.push(result.scenario);
        else if ('skipped' in result) skipped.push(result.skipped);
      }
    }
    const covered = coveredByLifecycle(ctx.graph.resources);
    for (const operation of operations.filter((op) => !covered.has(op.key))) {
      const chain = dependencyChainScenario(ctx, operation);
      if (chain !== undefined) output.scenarios.push(chain);
    }
    if (ctx.graph.resources.every((r) => r.create === undefined)) {
      output.notes.push('no resource with a create operation (POST on a collection with an item path): no stateful scenarios');
    }
    if (skipped.length > 0) output.notes.push(summarize('not planned', skipped));
    return output;
  },
};
