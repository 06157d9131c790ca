// JSON Web Tokens taken apart and tampered with by hand (base64url, no library): a server that accepts
// any of these does not verify what it trusts.

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signature: string;
}

export function base64UrlEncode(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function base64UrlDecode(segment: string): string {
  const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
  return Buffer.from(base64 + '='.repeat((4 - (base64.length % 4)) % 4), 'base64').toString('utf8');
}

/** The three parts of a compact JWS, or undefined when `token` is not one (an opaque token). */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.slice(0, 2).every((p) => /^[A-Za-z0-9_-]+$/.test(p))) return undefined;
  try {
    const header = JSON.parse(base64UrlDecode(parts[0]!)) as unknown;
    const payload = JSON.parse(base64UrlDecode(parts[1]!)) as unknown;
    if (!isRecord(header) || !isRecord(payload) || typeof header.alg !== 'string') return undefined;
    return { header, payload, signature: parts[2]! };
  } catch {
    return undefined;
  }
}

export function encodeJwt(header: Record<string, unknown>, payload: Record<string, unknown>, signature: string): string {
  return `${base64UrlEncode(JSON.stringify(header))}.${base64UrlEncode(JSON.stringify(payload))}.${signature}`;
}

/** Same claims, `alg: none` and no signature: accepted only by servers that let the token pick its algorithm. */
export function withAlgNone(jwt: DecodedJwt): string {
  return encodeJwt({ ...jwt.header, alg: 'none' }, jwt.payload, '');
}

/** Same header and claims with a different signature (its first and last characters changed). */
export function withChangedSignature(jwt: DecodedJwt): string {
  const signature = jwt.signature === '' ? 'c2VudGluZWw' : flip(jwt.signature);
  return encodeJwt(jwt.header, jwt.payload, signature);
}

/** `exp` in the past (2001-09-09). The signature no longer matches either: it must be refused on both counts. */
export function withExpiredExp(jwt: DecodedJwt): string {
  return encodeJwt(jwt.header, { ...jwt.payload, iat: 999_999_000, exp: 1_000_000_000 }, jwt.signature);
}

/**
 * A token Sentinel made up, for when the run's credentials are not a JWT: HS256 header, plausible claims
 * valid until 2100, and a signature no key produced.
 */
export function forgedJwt(): DecodedJwt {
  return {
    header: { alg: 'HS256', typ: 'JWT' },
    payload: { sub: '1', name: 'sentinel', role: 'admin', iat: 1_700_000_000, exp: 4_102_444_800 },
    signature: base64UrlEncode('sentinel-forged-signature-0000000'),
  };
}

/** Every tampered variant, named as findings report them. */
export function tamperedTokens(token: string | undefined): { kind: string; description: string; token: string }[] {
  const real = token === undefined ? undefined : decodeJwt(token);
  const jwt = real ?? forgedJwt();
  const origin = real ? 'the run\u2019s own token' : 'a forged token';
  return [
    { kind: 'jwt_alg_none', description: `${origin} re-encoded with alg "none" and no signature`, token: withAlgNone(jwt) },
    { kind: 'jwt_bad_signature', description: `${origin} with a changed signature`, token: withChangedSignature(jwt) },
    { kind: 'jwt_expired', description: `${origin} with an exp in the past`, token: withExpiredExp(jwt) },
  ];
}

function flip(signature: string): string {
  const swap = (c: string) => (c === 'A' ? 'B' : 'A');
  return signature.length === 1 ? swap(signature) : swap(signature[0]!) + signature.slice(1, -1) + swap(signature.at(-1)!);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
