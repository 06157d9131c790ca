// What a planned request carries for authentication: the identity's headers, plus the credentials of the
// first security requirement of the operation that the identity can satisfy (header, query or cookie).
import type { PlannedRequest } from '../../core/test-case.js';
import { SentinelError } from '../../core/errors.js';
import type { ApiModel, Operation, SecurityScheme } from '../../spec/model.js';
import { DEFAULT_IDENTITY, type Identity, type IdentitySet, type SchemeCredentials } from './identity.js';

export interface AppliedAuth {
  headers: Record<string, string>;
  query: Record<string, string>;
  cookies: Record<string, string>;
}

export function apiKeyHeaderNames(model: ApiModel): Set<string> {
  const names = new Set<string>();
  for (const scheme of Object.values(model.securitySchemes)) {
    if (scheme.type === 'apiKey' && scheme.in === 'header') names.add(scheme.name.toLowerCase());
  }
  return names;
}

/**
 * `identity: null` sends no credentials; `authOverride` replaces the identity's credentials with the
 * given headers verbatim (tampered tokens). Non-credential `--header`s are always sent.
 */
export function applyAuth(model: ApiModel, operation: Operation, planned: PlannedRequest, set: IdentitySet): AppliedAuth {
  const applied: AppliedAuth = { headers: { ...set.commonHeaders }, query: {}, cookies: {} };
  if (planned.authOverride !== undefined) {
    for (const [name, value] of Object.entries(planned.authOverride)) applied.headers[name.toLowerCase()] = value;
    return applied;
  }
  if (planned.identity === null) return applied;
  const name = planned.identity ?? DEFAULT_IDENTITY;
  const identity = set.identities.find((candidate) => candidate.name === name);
  if (identity === undefined) throw new SentinelError('internal', `a planned request names identity "${name}", which is not defined`);
  Object.assign(applied.headers, identity.headers);
  applySchemes(model, operation, identity, applied);
  return applied;
}

function applySchemes(model: ApiModel, operation: Operation, identity: Identity, applied: AppliedAuth): void {
  const requirements = operation.security ?? model.security;
  for (const requirement of requirements) {
    const schemes = Object.keys(requirement).map((name) => model.securitySchemes[name]);
    if (schemes.length === 0) return; // `{}` is an alternative that needs nothing: public access allowed.
    if (!schemes.every((scheme) => scheme !== undefined && canSatisfy(scheme, identity.credentials))) continue;
    for (const scheme of schemes) place(scheme!, identity.credentials, applied);
    return;
  }
}

function canSatisfy(scheme: SecurityScheme, credentials: SchemeCredentials): boolean {
  switch (scheme.type) {
    case 'http':
      return scheme.scheme.toLowerCase() === 'basic' ? credentials.basic !== undefined : credentials.bearer !== undefined;
    case 'apiKey':
      return credentials.apiKey !== undefined;
    case 'oauth2':
    case 'openIdConnect':
      return credentials.bearer !== undefined;
    default:
      return false;
  }
}

function place(scheme: SecurityScheme, credentials: SchemeCredentials, applied: AppliedAuth): void {
  // Headers the user wrote explicitly for this identity win over ones derived from flags.
  const setHeader = (name: string, value: string) => {
    if (applied.headers[name] === undefined) applied.headers[name] = value;
  };
  if (scheme.type === 'apiKey') {
    const value = credentials.apiKey!;
    if (scheme.in === 'header') setHeader(scheme.name.toLowerCase(), value);
    else if (scheme.in === 'query') applied.query[scheme.name] = value;
    else applied.cookies[scheme.name] = value;
    return;
  }
  if (scheme.type === 'http' && scheme.scheme.toLowerCase() === 'basic') {
    setHeader('authorization', `Basic ${Buffer.from(credentials.basic!).toString('base64')}`);
    return;
  }
  setHeader('authorization', `Bearer ${credentials.bearer!}`);
}
