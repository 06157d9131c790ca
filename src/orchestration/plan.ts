// Planning: every chosen agent turns the selected operations into cases and scenarios. Pure and seeded:
// the same model, operations, agents and seed give the same plan.
import type { Agent, AgentContext, AgentOutput } from '../agents/agent.js';
import type { TestPlan } from '../core/test-case.js';
import type { ApiModel, Operation } from '../spec/model.js';

/** `planned`: outputs already made elsewhere (users' agents, planned in the sandbox), merged the same way. */
export function buildPlan(model: ApiModel, operations: Operation[], agents: Agent[], context: AgentContext, planned: { agent: string; output: AgentOutput }[] = []): TestPlan {
  const plan: TestPlan = { seed: context.seed, cases: [], scenarios: [], notes: [] };
  const known = new Set(operations.map((operation) => operation.key));
  const ids = new Set<string>();
  const uniqueId = (id: string) => {
    let candidate = id;
    for (let n = 2; ids.has(candidate); n += 1) candidate = `${id}#${n}`;
    ids.add(candidate);
    return candidate;
  };
  const outputs: { agent: string; output: AgentOutput }[] = [];
  for (const agent of agents) {
    try {
      outputs.push({ agent: agent.name, output: agent.plan(model, operations, context) });
    } catch (error) {
      // One agent's bug must not cost the other agents' tests; the summary says what was not planned.
      plan.notes.push({ agent: agent.name, message: `planning failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  for (const { agent, output } of [...outputs, ...planned]) {
    for (const testCase of output.cases) {
      if (!known.has(testCase.operation)) continue;
      plan.cases.push({ ...testCase, id: uniqueId(testCase.id) });
    }
    for (const scenario of output.scenarios) plan.scenarios.push({ ...scenario, id: uniqueId(scenario.id) });
    for (const message of output.notes) plan.notes.push({ agent, message });
  }
  return plan;
}
