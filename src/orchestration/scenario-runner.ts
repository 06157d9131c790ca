// A scenario's steps, in order: each step's `{{variables}}` filled from earlier responses, sent, judged
// by the exchange checks, and its extraction rules applied for the steps after it.
import type { Scenario, TestCase } from '../agents/test-case.js';
import type { ExecutedStep } from '../execution/checks/check.js';
import type { Exchange, ReceivedResponse } from '../execution/exchange.js';
// The load engine's reading of `#regex:` (first group, percent-decoded): a scenario planned once extracts
// the same value whether `sentinel run` or `sentinel perf` sends it.
import { matchPattern, patternProblem } from '../execution/extract-pattern.js';
import { extract, substitute } from '../execution/scenario-vars.js';
import type { Operation } from '../spec/model.js';

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
    const extracted = extractStepValues(step.extract, exchange.response, variables);
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

const PATTERN_RULE = /^(\$response\.header\.[^#]+)#regex:(.*)$/s;

/**
 * Applies a step's extraction rules: the forms of scenario-vars, plus `$response.header.Name#regex:<pattern>`
 * (the first group of the first match, or the whole match, percent-decoded; no match is a failed
 * extraction). Only values found are set, so a later step sees a missing variable as missing.
 */
export function extractStepValues(
  rules: Record<string, string>,
  response: ReceivedResponse | undefined,
  into: Record<string, unknown>,
): { variables: Record<string, unknown>; failed: string[] } {
  const variables = { ...into };
  const failed: string[] = [];
  if (response === undefined) return { variables, failed };
  for (const [name, rule] of Object.entries(rules)) {
    const result = extractRule(rule, response);
    if ('problem' in result) failed.push(`${name} (${rule}: ${result.problem})`);
    else variables[name] = result.value;
  }
  return { variables, failed };
}

function extractRule(rule: string, response: ReceivedResponse): { value: unknown } | { problem: string } {
  const patterned = PATTERN_RULE.exec(rule);
  if (patterned === null) {
    const value = extract(rule, response);
    return value === undefined ? { problem: 'no value' } : { value };
  }
  const problem = patternProblem(patterned[2]!);
  if (problem !== undefined) return { problem: `bad pattern: ${problem}` };
  const header = extract(patterned[1]!, response);
  if (header === undefined) return { problem: 'no such header' };
  const value = matchPattern(String(header), new RegExp(patterned[2]!));
  return value === undefined ? { problem: `${String(header)} does not match` } : { value };
}
