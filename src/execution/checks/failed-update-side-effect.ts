// An update refused with a 4xx must leave the resource as it was: a server that writes field by field
// and validates late keeps part of a request it refused.
import type { ScenarioCheck } from './check.js';
import { describeStep, responseOf, stepByRole, succeeded } from './scenario-steps.js';
import { deepEqual } from '../../core/deep-equal.js';

export const failedUpdateSideEffect: ScenarioCheck = {
  id: 'failed_update_side_effect',
  severity: 'medium',
  description: 'An update answered with a 4xx still changed the resource.',
  remediation: 'Validate the whole request before writing anything, or apply the update in a transaction that a refusal rolls back.',
  run({ steps }) {
    const before = stepByRole(steps, 'read-before-update');
    const update = stepByRole(steps, 'invalid-update');
    const after = stepByRole(steps, 'read-after-update');
    const status = responseOf(update)?.status;
    if (!succeeded(before) || !succeeded(after) || status === undefined || status < 400 || status >= 500) return [];
    const sent = update!.testCase.request.body?.value;
    if (!isObject(sent)) return [];
    const old = resourceObject(responseOf(before)!.json, sent);
    const now = resourceObject(responseOf(after)!.json, sent);
    if (old === undefined || now === undefined) return [];
    const changed = Object.keys(sent).filter((key) => key in now && !deepEqual(old[key], now[key]) && deepEqual(now[key], sent[key]));
    if (changed.length === 0) return [];
    return [
      {
        title: 'Refused update changed the resource',
        message: `The update was refused with ${status}, yet ${changed.join(', ')} took the value sent in it.`,
        cause: 'changed_by_refused_update',
        evidence: [
          describeStep(update!),
          ...changed.map((key) => `${key}: ${key in old ? JSON.stringify(old[key]) : '(absent)'} → ${JSON.stringify(now[key])}`),
          describeStep(after!),
        ].join('\n'),
      },
    ];
  },
};

/** The resource in a read response: the body, or a single wrapping property (`{ "data": {...} }`). */
function resourceObject(json: unknown, sent: Record<string, unknown>): Record<string, unknown> | undefined {
  if (!isObject(json)) return undefined;
  if (Object.keys(sent).some((key) => key in json)) return json;
  const wrapped = Object.values(json).filter(isObject);
  return wrapped.length === 1 ? wrapped[0] : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
