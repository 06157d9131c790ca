// The one path from a planned request to the bytes sent: credentials of the chosen identity, then
// serialization. Used by cases, scenario steps and shrinking alike, so they all send the same way.
import type { PlannedRequest } from '../core/test-case.js';
import type { ApiModel, Operation } from '../spec/model.js';
import { applyAuth } from './auth/apply.js';
import type { IdentitySet } from './auth/identity.js';
import type { SentRequest } from '../core/exchange.js';
import { buildRequest } from './serialize/request.js';

export function prepareRequest(model: ApiModel, operation: Operation, planned: PlannedRequest, baseUrl: string, identities: IdentitySet): SentRequest {
  const auth = applyAuth(model, operation, planned, identities);
  const withCredentials: PlannedRequest = {
    ...planned,
    query: { ...planned.query, ...auth.query },
    cookies: { ...planned.cookies, ...auth.cookies },
  };
  return buildRequest(operation, withCredentials, baseUrl, auth.headers);
}
