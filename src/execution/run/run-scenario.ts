// A scenario's steps, in order: each step's `{{variables}}` filled from earlier responses, sent, judged
// by the exchange checks, and its extraction rules applied for the steps after it.
import type { Scenario, TestCase } from '../../core/test-case.js';
import type { ExecutedStep } from '../checks/check.js';
import type { Exchange } from '../../core/exchange.js';
import { extractAll, substitute } from '../scenario-vars.js';
import type { Operation } from '../../spec/model.js';

export async function executeScenario(
  scenario: Scenario,
  operationsByKey: Map<string, Operation>,
  send: (operation: Operation, testCase: TestCase) => Promise<Exchange>,
  judgeStep: (operation: Operation, testCase: TestCase, exchange: Exchange) => void,
  notes: string[],
): Promise<ExecutedStep[]> {
  let variables: Record<string, unknown> = {};
  const steps: ExecutedStep[] = [];
  for (const step of scenario.steps) {
    const { request, missing } = substitute(step.case.request, variables);
    const testCase: TestCase = { ...step.case, request };
    const operation = operationsByKey.get(testCase.operation);
    // A value an earlier step did not yield: sending `{{id}}` literally would test nothing.
    if (missing.length > 0 || operation === undefined) {
      if (operation === undefined) notes.push(`scenario ${scenario.id}: step for unknown operation ${testCase.operation} was skipped`);
      steps.push({ testCase, variables: { ...variables } });
      continue;
    }
    const exchange = await send(operation, testCase);
    const extracted = extractAll(step.extract, exchange.response, variables);
    variables = extracted.variables;
    const status = exchange.response?.status;
    // A failed create already shows in the checks; a 2xx without the promised value would otherwise
    // silently leave the rest of the scenario unsent.
    if (extracted.failed.length > 0 && status !== undefined && status >= 200 && status < 300) {
      notes.push(`scenario ${scenario.id}: ${testCase.operation} answered ${status} without ${extracted.failed.join('; ')}: the steps needing it were not sent`);
    }
    steps.push({ testCase, exchange, variables: { ...variables } });
    judgeStep(operation, testCase, exchange);
  }
  return steps;
}
