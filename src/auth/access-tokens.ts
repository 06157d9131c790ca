// Access tokens: short-lived HS256 JWTs naming the user and role. Refresh tokens and API keys are opaque
// random strings stored only as SHA-256 hashes.
import { createHash, randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { isRole, type PlatformRole } from './roles.js';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
const ISSUER = 'sentinel';

export interface AccessClaims {
  userId: string;
  username: string;
  role: PlatformRole;
}

export function signAccessToken(secret: Uint8Array, claims: AccessClaims, seconds = ACCESS_TOKEN_SECONDS): Promise<string> {
  return new SignJWT({ username: claims.username, role: claims.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(`${seconds}s`)
    .sign(secret);
}

/** The claims of a valid, unexpired token; undefined for anything else. */
export async function verifyAccessToken(secret: Uint8Array, token: string): Promise<AccessClaims | undefined> {
  try {
    const { payload } = await jwtVerify(token, secret, { issuer: ISSUER, algorithms: ['HS256'] });
    if (typeof payload.sub !== 'string' || typeof payload.username !== 'string' || !isRole(payload.role)) return undefined;
    return { userId: payload.sub, username: payload.username, role: payload.role };
  } catch {
    return undefined;
  }
}

export function looksLikeJwt(token: string): boolean {
  return token.split('.').length === 3;
}

/** A new opaque secret with a recognisable prefix (`srt_` refresh token, `sk_` API key). */
export function newOpaqueToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
