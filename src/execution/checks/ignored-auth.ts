// A protected operation must refuse missing, malformed and tampered credentials with 401 or 403.
import type { Check } from './check.js';
import { isSuccess } from './applies.js';

export const ignoredAuth: Check = {
  id: 'ignored_auth',
  severity: 'critical',
  description: 'An operation that declares security answered 2xx to a request with no, malformed or tampered credentials.',
  remediation: 'Authenticate every operation that declares security; verify JWT signatures with a fixed algorithm (never alg none) and check exp.',
  optIn: true,
  run({ exchange, testCase }) {
    const response = exchange.response;
    const variant = testCase.mutation;
    if (!response || !isSuccess(response.status) || variant === undefined) return [];
    const sent = variant.target === 'credentials' ? 'no credentials' : `${variant.target}: ${testCase.request.authOverride?.[variant.target] ?? ''}`;
    return [
      {
        title: `Authentication ignored: ${variant.constraint.replace(/_/g, ' ')}`,
        message: `The operation declares security but answered ${response.status} to a request with ${variant.description}; expected 401 or 403.`,
        // Missing, malformed and wrong-scheme credentials accepted are one defect (nothing is checked);
        // each accepted JWT tampering is its own (the token is checked, but not verified properly).
        cause: variant.constraint.startsWith('jwt_') ? variant.constraint : 'credentials_not_checked',
        payload: sent,
        evidence: `${exchange.request.method} ${exchange.request.url} with ${variant.description} → ${response.status}`,
      },
    ];
  },
};
