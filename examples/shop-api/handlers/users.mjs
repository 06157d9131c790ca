// Accounts: the caller's profile, public cards, the directory search and the admin list.
import { HttpError, sendJson } from '../lib/http.mjs';
import { matchesCondition } from '../lib/mongo-match.mjs';

/** @typedef {import('../app.mjs').Handler} Handler */
/** @typedef {import('../identities.mjs').Account} Account */

/** @param {Account} account */
function profile(account) {
  return { id: account.id, username: account.username, role: account.role, joinedAt: account.joinedAt, email: account.email };
}

/** @type {Record<string, Handler>} */
export const userHandlers = {
  getCurrentUser({ res, user }) {
    sendJson(res, 200, profile(/** @type {Account} */ (user)));
  },

  getUser({ res, params, store, defects }) {
    const account = store.users.find((candidate) => candidate.id === params.userId);
    if (!account) throw new HttpError(404, 'not_found', 'User not found.');
    // DEFECT(response_schema_conformance): joinedAt leaks out as epoch seconds instead of a date-time string.
    const joinedAt = defects ? Math.floor(Date.parse(account.joinedAt) / 1000) : account.joinedAt;
    sendJson(res, 200, { id: account.id, username: account.username, role: account.role, joinedAt });
  },

  searchDirectory({ res, body, store, defects }) {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'invalid_body', 'value must be object');
    // DEFECT(nosql_injection): with defects the body was not validated, so `username` may be an operator
    // object such as {"$ne": null}, which the Mongo-style matcher evaluates and which matches everyone.
    const matches = defects
      ? store.users.filter((account) => matchesCondition(account.username, body.username))
      : store.users.filter((account) => account.username === body.username);
    sendJson(res, 200, { results: matches.map((account) => ({ id: account.id, username: account.username })) });
  },

  adminListUsers({ res, store }) {
    sendJson(res, 200, store.users.map(profile));
  },
};
