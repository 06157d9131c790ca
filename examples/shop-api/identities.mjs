// The example's accounts and their bearer tokens. The tokens are deterministic (fixed secret, fixed
// claims), so sentinel.config.yaml can carry them; identities.test checks they still match.
import { signToken } from './lib/jwt.mjs';

/** 2100-01-01T00:00:00Z: the example tokens never expire during a demo. */
const FAR_FUTURE = 4102444800;
const ISSUED_AT = 1767225600;

/** @typedef {{ id: number, username: string, role: 'admin' | 'user', email: string, joinedAt: string }} Account */

/** @type {readonly Account[]} */
export const ACCOUNTS = Object.freeze([
  { id: 1, username: 'alice', role: 'admin', email: 'alice@shop.example', joinedAt: '2025-01-15T09:30:00.000Z' },
  { id: 2, username: 'bob', role: 'user', email: 'bob@shop.example', joinedAt: '2025-03-02T14:05:00.000Z' },
  { id: 3, username: 'carol', role: 'user', email: 'carol@shop.example', joinedAt: '2025-06-21T18:45:00.000Z' },
]);

/** @param {Account} account */
export function tokenFor(account) {
  return signToken({ sub: String(account.id), name: account.username, role: account.role, iat: ISSUED_AT, exp: FAR_FUTURE });
}

/** Alice is the shop's administrator: Sentinel's default identity in the demo. */
export const ALICE_TOKEN = tokenFor(ACCOUNTS[0]);
/** Bob is an ordinary customer: the second, lower-privileged identity (bola's attacker, bfla's). */
export const BOB_TOKEN = tokenFor(ACCOUNTS[1]);
