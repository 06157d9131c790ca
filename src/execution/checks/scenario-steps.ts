// Helpers for the scenario checks of the stateful, auth and injection agents: steps are found by the
// role written in their case id (see core/roles.ts), never by position.
import { roleOf } from '../../core/roles.js';
import type { ReceivedResponse } from '../../core/exchange.js';
import type { ExecutedStep } from './check.js';

export function stepByRole(steps: ExecutedStep[], role: string): ExecutedStep | undefined {
  return steps.find((step) => roleOf(step.testCase.id) === role);
}

export function stepsWithRolePrefix(steps: ExecutedStep[], prefix: string): ExecutedStep[] {
  return steps.filter((step) => roleOf(step.testCase.id).startsWith(prefix));
}

export function responseOf(step: ExecutedStep | undefined): ReceivedResponse | undefined {
  return step?.exchange?.response;
}

export function succeeded(step: ExecutedStep | undefined): boolean {
  const status = responseOf(step)?.status;
  return status !== undefined && status >= 200 && status < 300;
}

/** `GET http://host/items/7 → 200`, the one-line summary scenario findings quote as evidence. */
export function describeStep(step: ExecutedStep): string {
  const exchange = step.exchange;
  if (exchange === undefined) return `${step.testCase.title}: not sent`;
  const answer = exchange.response ? String(exchange.response.status) : (exchange.error?.code ?? 'no answer');
  return `${exchange.request.method} ${exchange.request.url} → ${answer}`;
}

export function excerpt(text: string, max = 300): string {
  const trimmed = text.trim();
  return trimmed.length > max ? `${trimmed.slice(0, max)}…` : trimmed;
}
