// bola: identity B reached an object of identity A (read, changed or deleted it) while A's own read
// succeeded. Evidence names both requests; the engine attaches every step with its curl line.
import type { ScenarioCheck } from './check.js';
import type { FindingDraft } from '../../core/finding.js';
import { describeStep, responseOf, stepByRole, stepsWithRolePrefix, succeeded } from './scenario-steps.js';
import { roleOf } from '../../core/roles.js';

const ACTIONS: Record<string, string> = { 'attacker-read': 'read', 'attacker-update': 'changed', 'attacker-delete': 'deleted' };

export const bola: ScenarioCheck = {
  id: 'bola',
  severity: 'critical',
  description: "One identity could read, change or delete another identity's object (broken object level authorization).",
  remediation: 'Check on every object access that the caller owns the object (or is allowed to act on it); answer 403 or 404 otherwise.',
  run({ steps }) {
    const ownerRead = stepByRole(steps, 'owner-read');
    if (!succeeded(ownerRead)) return [];
    const owner = ownerRead!.testCase.request.identity ?? 'default';
    const findings: FindingDraft[] = [];
    for (const step of stepsWithRolePrefix(steps, 'attacker-')) {
      if (!succeeded(step)) continue;
      const role = roleOf(step.testCase.id);
      const attacker = step.testCase.request.identity ?? 'default';
      findings.push({
        title: `Object of another identity ${ACTIONS[role] ?? 'reached'}`,
        message: `${attacker} ${ACTIONS[role] ?? 'reached'} an object of ${owner} (${step.testCase.operation} answered ${responseOf(step)!.status}); expected 403 or 404.`,
        cause: role,
        evidence: `as ${owner}: ${describeStep(ownerRead!)}\nas ${attacker}: ${describeStep(step)}`,
      });
    }
    return findings;
  },
};
