// Seeded defects that live in the request pipeline (authentication, authorization, validation), per
// operationId. Defects inside a handler are marked there with `DEFECT(<check>)`. examples/README.md
// lists them all with the Sentinel check expected to find each.

/**
 * @typedef {{
 *   allowAnonymous?: boolean,
 *   trustUnverifiedTokens?: boolean,
 *   skipRoleCheck?: boolean,
 *   skipMissingHeaders?: boolean,
 *   skipParameterValidation?: string[],
 *   skipBodyValidation?: boolean,
 *   ignoreBodyError?: (error: { path: string, keyword: string }) => boolean,
 *   stackTraceOnBadRequest?: boolean,
 *   anyMethod?: boolean,
 * }} PipelineDefects
 */

/** @type {Record<string, PipelineDefects>} */
export const PIPELINE_DEFECTS = {
  // DEFECT(ignored_auth): without an Authorization header the list falls back to every order.
  listOrders: { allowAnonymous: true },
  // DEFECT(ignored_auth): the JWT is decoded, never verified (alg none, bad signature, past exp pass).
  getCurrentUser: { trustUnverifiedTokens: true },
  // DEFECT(bfla): the admin-only list forgets to check the caller's role.
  adminListUsers: { skipRoleCheck: true },
  // DEFECT(missing_required_header): Idempotency-Key is documented as required but never enforced.
  // DEFECT(negative_data_rejection): quantity's maximum (100) is not enforced.
  createOrder: { skipMissingHeaders: true, ignoreBodyError: (error) => error.path === '/quantity' && error.keyword === 'maximum' },
  // DEFECT(nosql_injection): the body goes unvalidated into a Mongo-style query (see handlers/users.mjs).
  searchDirectory: { skipBodyValidation: true },
  // DEFECT(failed_update_side_effect): the valid fields of a refused patch are written (handlers/items.mjs).
  updateItem: { skipBodyValidation: true },
  // DEFECT(path_traversal): the file name's pattern is not checked (handlers/tools.mjs joins it to a path).
  downloadFile: { skipParameterValidation: ['name'] },
  // DEFECT(information_disclosure): a bad user id answers with the server's stack trace.
  getUser: { stackTraceOnBadRequest: true },
  // DEFECT(unsupported_method): /health answers every method as if it were GET.
  getHealth: { anyMethod: true },
};

/**
 * Defects that are off unless asked for by operationId (`regressions`): what a later release breaks.
 * The baseline test turns one on to prove only new findings fail a run compared with a baseline.
 * @type {Record<string, { check: string, defect: string, fail: () => never }>}
 */
export const OPT_IN_DEFECTS = {
  // DEFECT(server_error), opt-in: listing webhooks throws, so every GET /webhooks answers 500.
  listWebhooks: {
    check: 'server_error',
    defect: 'Listing webhooks throws a TypeError: 500.',
    fail: () => {
      throw new TypeError("Cannot read properties of undefined (reading 'webhooks')");
    },
  },
};

/** What a leaked stack trace looks like: internal file paths and framework frames. */
export const LEAKED_STACK = [
  "TypeError: Cannot read properties of undefined (reading 'id')",
  '    at findUserById (/srv/shop-api/src/users/repository.js:42:17)',
  '    at getUser (/srv/shop-api/src/users/routes.js:18:24)',
  '    at Layer.handle [as handle_request] (/srv/shop-api/node_modules/express/lib/router/layer.js:95:5)',
].join('\n');
