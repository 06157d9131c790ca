// Identities: who a request is sent as. The default identity carries the `--header`/config credentials
// and the scheme credentials (`--bearer`, `--basic`, `--api-key`); `--identity` entries add more.
import type { IdentityInfo } from '../../core/identity-info.js';
import { SentinelError } from '../../core/errors.js';

export type Role = IdentityInfo['role'];

export interface SchemeCredentials {
  /** Token for http bearer (and oauth2/openIdConnect, which send bearer tokens). */
  bearer?: string;
  /** `user:password` for http basic. */
  basic?: string;
  /** Value for apiKey schemes, wherever the scheme puts it (header, query or cookie). */
  apiKey?: string;
}

export interface Identity {
  name: string;
  role: Role;
  /** Credential headers sent as this identity (lower-case names). */
  headers: Record<string, string>;
  credentials: SchemeCredentials;
}

export const DEFAULT_IDENTITY = 'default';

/** `Name: value` → [name, value]; the one-line error names the flag and the bad value. */
export function parseHeader(text: string, flag = '--header'): [string, string] {
  const colon = text.indexOf(':');
  const name = colon < 0 ? '' : text.slice(0, colon).trim();
  if (colon < 0 || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
    throw new SentinelError('usage', `${flag} ${JSON.stringify(text)}: expected 'Name: value'`);
  }
  return [name.toLowerCase(), text.slice(colon + 1).trim()];
}

/** `name:Header: value` → identity name and one header. */
export function parseIdentityFlag(text: string): { name: string; header: [string, string] } {
  const colon = text.indexOf(':');
  const name = colon < 0 ? '' : text.slice(0, colon).trim();
  if (!/^[A-Za-z0-9_.-]+$/.test(name)) {
    throw new SentinelError('usage', `--identity ${JSON.stringify(text)}: expected 'name:Header: value'`);
  }
  return { name, header: parseHeader(text.slice(colon + 1), '--identity') };
}

/**
 * Headers that authenticate (sent only as an identity) versus headers sent with every request
 * (`X-Tenant`, `Accept-Language`...). `apiKeyHeaders` are the header names of the spec's apiKey schemes.
 */
export function isCredentialHeader(name: string, apiKeyHeaders: ReadonlySet<string>): boolean {
  const key = name.toLowerCase();
  if (key === 'authorization' || key === 'proxy-authorization' || key === 'cookie' || apiKeyHeaders.has(key)) return true;
  return /api[-_]?key|token|auth|session|secret|signature|credential|password/.test(key);
}

export interface IdentityInput {
  /** `--header` values, parsed. */
  headers: [string, string][];
  credentials: SchemeCredentials;
  /** Config identities and `--identity` flags, in that order; same name accumulates headers. */
  identities: { name: string; role?: Role; headers: [string, string][] }[];
  /** Role of the default identity (config `auth.role`), `admin` when unsaid. */
  defaultRole?: Role;
}

export interface IdentitySet {
  /** Non-credential `--header`s, sent with every request whatever the identity. */
  commonHeaders: Record<string, string>;
  identities: Identity[];
}

export function buildIdentities(input: IdentityInput, apiKeyHeaders: ReadonlySet<string>): IdentitySet {
  const commonHeaders: Record<string, string> = {};
  const defaultIdentity: Identity = { name: DEFAULT_IDENTITY, role: input.defaultRole ?? 'admin', headers: {}, credentials: input.credentials };
  for (const [name, value] of input.headers) {
    if (isCredentialHeader(name, apiKeyHeaders)) defaultIdentity.headers[name] = value;
    else commonHeaders[name] = value;
  }
  const byName = new Map<string, Identity>([[DEFAULT_IDENTITY, defaultIdentity]]);
  for (const entry of input.identities) {
    let identity = byName.get(entry.name);
    if (identity === undefined) {
      identity = { name: entry.name, role: entry.role ?? 'user', headers: {}, credentials: {} };
      byName.set(entry.name, identity);
    } else if (entry.role !== undefined) {
      identity.role = entry.role;
    }
    for (const [name, value] of entry.headers) identity.headers[name.toLowerCase()] = value;
  }
  return { commonHeaders, identities: [...byName.values()] };
}

export function identityInfos(set: IdentitySet): IdentityInfo[] {
  return set.identities.map(({ name, role }) => ({ name, role }));
}
