// A description of 100,000 operations would plan millions of cases (gigabytes) before sending one. The
// plan is built in chunks of operations, in description order, and stops growing once it holds the
// budget's cases and scenarios; the run's notes say how many operations were planned and how to pick
// the others. A description the size of GitHub's (1,223 operations, 64,000 cases and scenarios) is one
// chunk within the budget: its plan is what planning all operations at once gives.
import type { Agent, AgentContext, AgentOutput } from '../agents/agent.js';
import type { TestPlan } from '../core/test-case.js';
import type { ApiModel, Operation } from '../spec/model.js';
import { buildPlan } from './plan.js';

export interface PlanBudget {
  /** Planning stops after the chunk that brings the plan to this many cases and scenarios together. */
  maxItems: number;
  /** Operations planned together: cross-operation scenarios are found within one chunk. */
  chunkOperations: number;
}

export const DEFAULT_PLAN_BUDGET: PlanBudget = { maxItems: 100_000, chunkOperations: 2_000 };

export function buildBudgetedPlan(
  model: ApiModel, operations: Operation[], agents: Agent[], context: AgentContext, budget: PlanBudget = DEFAULT_PLAN_BUDGET,
  /** Users' agents' outputs, planned in the sandbox over all operations; each chunk keeps its operations' cases. */
  pluginOutputs: { agent: string; output: AgentOutput }[] = [],
): { plan: TestPlan; planned: Operation[]; note?: string } {
  if (operations.length <= budget.chunkOperations) return { plan: buildPlan(model, operations, agents, context, pluginOutputs), planned: operations };
  const plan: TestPlan = { seed: context.seed, cases: [], scenarios: [], notes: [] };
  const ids = new Set<string>();
  const noted = new Set<string>();
  let planned = 0;
  while (planned < operations.length && plan.cases.length + plan.scenarios.length < budget.maxItems) {
    const chunk = buildPlan(model, operations.slice(planned, planned + budget.chunkOperations), agents, context, pluginOutputs);
    planned = Math.min(operations.length, planned + budget.chunkOperations);
    for (const testCase of chunk.cases) plan.cases.push({ ...testCase, id: unique(ids, testCase.id) });
    for (const scenario of chunk.scenarios) plan.scenarios.push({ ...scenario, id: unique(ids, scenario.id) });
    for (const note of chunk.notes) {
      const key = `${note.agent}\n${note.message}`;
      if (!noted.has(key)) plan.notes.push(note);
      noted.add(key);
    }
  }
  if (planned === operations.length) return { plan, planned: operations };
  const note = `planned ${planned.toLocaleString('en')} of ${operations.length.toLocaleString('en')} operations (in description order): planning stops once the plan holds ${budget.maxItems.toLocaleString('en')} cases and scenarios; choose the others with --include/--exclude`;
  return { plan, planned: operations.slice(0, planned), note };
}

function unique(ids: Set<string>, id: string): string {
  let candidate = id;
  for (let n = 2; ids.has(candidate); n += 1) candidate = `${id}#${n}`;
  ids.add(candidate);
  return candidate;
}
