// bfla: a lower-privileged identity reached an operation that is privileged by its shape.
import type { ScenarioCheck } from './check.js';
import { describeStep, responseOf, stepByRole, succeeded } from './scenario-steps.js';

export const bfla: ScenarioCheck = {
  id: 'bfla',
  severity: 'high',
  description: 'An identity with a lower role reached an administrative operation (broken function level authorization).',
  remediation: "Check the caller's role on every administrative operation, on the server, and answer 403 to lower roles.",
  run({ steps }) {
    const attack = stepByRole(steps, 'attacker');
    if (attack === undefined || !succeeded(attack)) return [];
    const identity = attack.testCase.request.identity ?? 'default';
    return [
      {
        title: 'Privileged operation reached by a lower role',
        message: `${attack.testCase.operation} is ${attack.testCase.mutation?.description ?? 'privileged'}, and answered ${responseOf(attack)!.status}; expected 403.`,
        cause: `identity:${identity}`,
        evidence: describeStep(attack),
      },
    ];
  },
};
