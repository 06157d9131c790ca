// HS256 JSON Web Tokens with node:crypto: signing for the example identities, strict verification for
// the clean API, and the classic "decode without verifying" mistake for one seeded defect.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Fixed so the tokens in sentinel.config.yaml stay valid across restarts. Never reuse it anywhere real. */
export const EXAMPLE_SECRET = 'shop-api-example-secret-do-not-use-in-production';

/** @param {string | Buffer} data */
function base64url(data) {
  return Buffer.from(data).toString('base64url');
}

/**
 * @param {Record<string, unknown>} payload
 * @param {string} [secret]
 */
export function signToken(payload, secret = EXAMPLE_SECRET) {
  const head = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = base64url(JSON.stringify(payload));
  const signature = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${signature}`;
}

/**
 * Header and payload of a compact JWT, without any verification; `undefined` when it does not parse.
 * @param {string} token
 * @returns {{ header: Record<string, unknown>, payload: Record<string, unknown>, parts: string[] } | undefined}
 */
export function decodeToken(token) {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
    const payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    if (!isObject(header) || !isObject(payload)) return undefined;
    return { header, payload, parts };
  } catch {
    return undefined;
  }
}

/**
 * The payload of a token that is HS256, correctly signed and not expired; `undefined` otherwise.
 * @param {string} token
 * @param {number} nowSeconds
 * @param {string} [secret]
 */
export function verifyToken(token, nowSeconds, secret = EXAMPLE_SECRET) {
  const decoded = decodeToken(token);
  if (!decoded || decoded.header.alg !== 'HS256') return undefined;
  const [head, body, signature] = decoded.parts;
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const exp = decoded.payload.exp;
  if (exp !== undefined && (typeof exp !== 'number' || exp <= nowSeconds)) return undefined;
  return decoded.payload;
}

/** @param {unknown} value @returns {value is Record<string, unknown>} */
function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
