// What an operation's security asks for, and the wrong credentials that must be refused in its place.
import type { ApiModel, Operation, SecurityScheme } from '../../spec/model.js';
import { tamperedTokens } from './jwt.js';

/** The requirements in force; an empty alternative (`{}`) means anonymous access is allowed. */
export function requiresAuth(model: ApiModel, operation: Operation): boolean {
  const requirements = operation.security ?? model.security;
  return requirements.length > 0 && requirements.every((r) => Object.keys(r).length > 0);
}

export interface CredentialVariant {
  /** Stable name, used as the finding's cause: `no_credentials`, `malformed_bearer`, `jwt_alg_none`... */
  kind: string;
  description: string;
  /** `null` sends no credentials; otherwise `authOverride` replaces them. */
  identity?: null;
  authOverride?: Record<string, string>;
}

const WRONG_BASIC = `Basic ${Buffer.from('sentinel:wrong-password').toString('base64')}`;

export function credentialVariants(model: ApiModel, operation: Operation, defaultBearerToken?: string): CredentialVariant[] {
  const variants: CredentialVariant[] = [{ kind: 'no_credentials', description: 'no credentials at all', identity: null }];
  const requirement = (operation.security ?? model.security)[0] ?? {};
  for (const name of Object.keys(requirement)) {
    const scheme = model.securitySchemes[name];
    if (scheme !== undefined) variants.push(...schemeVariants(scheme, defaultBearerToken));
  }
  const seen = new Set<string>();
  return variants.filter((v) => !seen.has(v.kind) && seen.add(v.kind));
}

function schemeVariants(scheme: SecurityScheme, defaultBearerToken?: string): CredentialVariant[] {
  if (scheme.type === 'apiKey') {
    if (scheme.in !== 'header') return [];
    return [{ kind: 'invalid_api_key', description: `an invalid ${scheme.name}`, authOverride: { [scheme.name]: 'sentinel-invalid-key-0000' } }];
  }
  if (scheme.type === 'http' && scheme.scheme.toLowerCase() === 'basic') {
    return [
      { kind: 'wrong_basic_credentials', description: 'Basic credentials that are wrong', authOverride: { Authorization: WRONG_BASIC } },
      { kind: 'wrong_scheme', description: 'a Bearer token where Basic is required', authOverride: { Authorization: 'Bearer x' } },
    ];
  }
  const bearer = scheme.type === 'oauth2' || scheme.type === 'openIdConnect' || (scheme.type === 'http' && scheme.scheme.toLowerCase() === 'bearer');
  if (!bearer) return [];
  return [
    { kind: 'malformed_bearer', description: 'a malformed bearer token ("Bearer x")', authOverride: { Authorization: 'Bearer x' } },
    { kind: 'wrong_scheme', description: 'Basic credentials where a bearer token is required', authOverride: { Authorization: WRONG_BASIC } },
    ...tamperedTokens(defaultBearerToken).map(({ kind, description, token }) => ({ kind, description, authOverride: { Authorization: `Bearer ${token}` } })),
  ];
}
