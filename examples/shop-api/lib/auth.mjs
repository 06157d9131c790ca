// Bearer authentication and role checks, as the description documents them.
import { decodeToken, verifyToken } from './jwt.mjs';
import { HttpError } from './http.mjs';

/** @typedef {import('../identities.mjs').Account} Account */

/**
 * The bearer token of a request, or `undefined` when there is no Authorization header at all.
 * @param {import('node:http').IncomingHttpHeaders} headers
 */
export function bearerToken(headers) {
  const value = headers.authorization;
  if (value === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(value);
  if (!match) throw unauthorized('the Authorization header must be "Bearer <token>"');
  return match[1];
}

/**
 * The account a token belongs to. `trustUnverified` is the seeded defect of decoding a JWT without
 * checking its algorithm, signature or expiry.
 * @param {string} token
 * @param {readonly Account[]} accounts
 * @param {{ trustUnverified?: boolean }} [options]
 * @returns {Account}
 */
export function accountForToken(token, accounts, options = {}) {
  const payload = options.trustUnverified ? decodeToken(token)?.payload : verifyToken(token, Math.floor(Date.now() / 1000));
  const account = payload && accounts.find((candidate) => String(candidate.id) === String(payload.sub));
  if (!account) throw unauthorized('the bearer token is invalid or expired');
  return account;
}

/** @param {string} message */
export function unauthorized(message) {
  return new HttpError(401, 'unauthorized', message);
}
