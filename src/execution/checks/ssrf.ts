// ssrf by evidence: the canary server Sentinel runs on loopback received a request carrying the token
// of a URL given to the API. Without a canary in the context there is nothing to judge.
import type { ScenarioCheck } from './check.js';
import { payloadOf } from './probe-evidence.js';
import { describeStep, stepByRole } from './scenario-steps.js';

export const ssrf: ScenarioCheck = {
  id: 'ssrf',
  severity: 'high',
  description: 'The API fetched a URL it was given: the Sentinel canary received the request.',
  remediation: 'Fetch only allow-listed destinations; refuse loopback, link-local and private addresses, and do not follow redirects to them.',
  run({ steps, canary }) {
    const probe = stepByRole(steps, 'probe');
    if (canary === undefined || probe?.exchange === undefined || probe.testCase.mutation?.constraint !== 'ssrf:canary') return [];
    const payload = payloadOf(probe.testCase);
    const token = probe.testCase.probe?.canaryToken;
    const hits = token === undefined || payload === undefined ? 0 : canary.hits(token);
    if (hits === 0) return [];
    const where = `${probe.testCase.mutation.location} ${probe.testCase.mutation.target}`;
    return [
      {
        title: 'Server-side request forgery',
        message: `Given the canary URL in ${where}, the API made ${hits} request(s) to it: it fetches URLs supplied by clients.`,
        cause: where,
        evidence: `${describeStep(probe)}\ncanary received ${hits} request(s) with token ${token}`,
        payload: payload!,
      },
    ];
  },
};
