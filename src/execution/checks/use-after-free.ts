// A resource deleted with a 2xx must be gone: reading it afterwards must not succeed.
import type { ScenarioCheck } from './check.js';
import { describeStep, excerpt, responseOf, stepByRole, succeeded } from './scenario-steps.js';

export const useAfterFree: ScenarioCheck = {
  id: 'use_after_free',
  severity: 'high',
  description: 'A resource is still readable (2xx) after a successful DELETE.',
  remediation: 'Make reads (and every other operation) honour the deletion: answer 404 or 410 once a resource is deleted.',
  run({ steps }) {
    const deleted = stepByRole(steps, 'delete');
    const readAfter = stepByRole(steps, 'read-after-delete');
    if (!succeeded(deleted) || !succeeded(readAfter)) return [];
    return [
      {
        title: 'Resource readable after DELETE',
        message: `DELETE answered ${responseOf(deleted)!.status}, yet reading the same resource afterwards answered ${responseOf(readAfter)!.status}; expected 404 or 410.`,
        cause: 'readable_after_delete',
        evidence: `${describeStep(deleted!)}\n${describeStep(readAfter!)}\n${excerpt(responseOf(readAfter)!.body)}`,
      },
    ];
  },
};
