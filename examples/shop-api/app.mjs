// The example API on plain node:http: routing, authentication and validation come from openapi.yaml;
// handlers implement the operations. `defects: true` turns on every seeded defect, `false` gives the
// clean twin that behaves exactly as documented.
import { createServer } from 'node:http';
import { loadSpec } from './lib/spec.mjs';
import { route } from './lib/router.mjs';
import { HttpError, sendError } from './lib/http.mjs';
import { accountForToken, bearerToken, unauthorized } from './lib/auth.mjs';
import { parseJsonBody, readBodyText, readParameters, validateBody } from './lib/request.mjs';
import { createStore } from './lib/store.mjs';
import { LEAKED_STACK, OPT_IN_DEFECTS, PIPELINE_DEFECTS } from './defects.mjs';
import { catalogHandlers } from './handlers/catalog.mjs';
import { itemHandlers } from './handlers/items.mjs';
import { orderHandlers } from './handlers/orders.mjs';
import { userHandlers } from './handlers/users.mjs';
import { toolHandlers } from './handlers/tools.mjs';
import { webhookHandlers } from './handlers/webhooks.mjs';

/**
 * @typedef {import('./lib/store.mjs').Store} Store
 * @typedef {import('./identities.mjs').Account} Account
 * @typedef {{ req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse,
 *   operation: import('./lib/spec.mjs').OperationRule, params: Record<string, any>, body: any,
 *   user: Account | undefined, store: Store, defects: boolean }} HandlerContext
 * @typedef {(context: HandlerContext) => void | Promise<void>} Handler
 */

/** @type {Record<string, Handler>} */
const HANDLERS = { ...catalogHandlers, ...itemHandlers, ...orderHandlers, ...userHandlers, ...toolHandlers, ...webhookHandlers };

const spec = loadSpec();
for (const operation of spec.operations) {
  if (!HANDLERS[operation.operationId]) throw new Error(`no handler for operationId ${operation.operationId}`);
}

/**
 * Which defects are on: `defects` turns on every seeded defect; `fixed` lists operationIds whose seeded
 * defects are fixed anyway, and `regressions` operationIds of OPT_IN_DEFECTS to turn on (what a later
 * release breaks). The demo and the e2e suites use `defects` alone.
 * @typedef {{ defects: boolean, fixed?: string[], regressions?: string[] }} DefectSwitches
 */

/**
 * @param {DefectSwitches} switches
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>}
 */
export function createRequestListener(switches) {
  const store = createStore();
  for (const id of switches.regressions ?? []) if (!OPT_IN_DEFECTS[id]) throw new Error(`no opt-in defect for operationId ${id}`);
  return async (req, res) => {
    try {
      await dispatch(req, res, store, switches);
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
      } else if (error instanceof HttpError) {
        const headers = error.status === 401 ? { 'www-authenticate': 'Bearer' } : undefined;
        sendError(res, error.status, error.code, error.message, { headers });
      } else {
        sendError(res, 500, 'internal', 'The server failed to handle the request.');
      }
    }
  };
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {Store} store
 * @param {DefectSwitches} switches
 */
async function dispatch(req, res, store, switches) {
  const fixed = switches.fixed ?? [];
  /** @param {string} operationId */
  const defective = (operationId) => switches.defects && !fixed.includes(operationId);
  // Read the whole body first, so every early answer leaves the connection reusable.
  const bodyText = await readBodyText(req);
  const url = new URL(req.url ?? '/', 'http://localhost');
  const method = (req.method ?? 'GET').toUpperCase();
  let found = route(spec.operations, method, url.pathname);
  if (found.kind === 'method-not-allowed' && switches.defects) {
    const path = found.path;
    const any = spec.operations.find((operation) => operation.path === path && defective(operation.operationId) && PIPELINE_DEFECTS[operation.operationId]?.anyMethod);
    if (any) found = { kind: 'found', operation: any, params: {} };
  }
  if (found.kind === 'not-found') throw new HttpError(404, 'not_found', 'No such path.');
  if (found.kind === 'method-not-allowed') {
    sendError(res, 405, 'method_not_allowed', `${method} is not supported here.`, { headers: { allow: found.allow.join(', ') } });
    return;
  }
  const { operation } = found;
  const defects = defective(operation.operationId);
  const deviations = defects ? PIPELINE_DEFECTS[operation.operationId] ?? {} : {};
  const user = authenticate(req, operation, store, deviations);
  if (operation.requiredRole && user?.role !== operation.requiredRole && !deviations.skipRoleCheck) {
    throw new HttpError(403, 'forbidden', `This operation needs the ${operation.requiredRole} role.`);
  }
  let params;
  try {
    params = readParameters(operation, found.params, url.searchParams, req.headers, {
      skipMissingHeaders: deviations.skipMissingHeaders,
      skipValidation: deviations.skipParameterValidation,
    });
  } catch (error) {
    if (error instanceof HttpError && deviations.stackTraceOnBadRequest) {
      sendError(res, 400, error.code, error.message, { extra: { stack: LEAKED_STACK } });
      return;
    }
    throw error;
  }
  const body = parseJsonBody(operation, req.headers, bodyText);
  if (!deviations.skipBodyValidation) validateBody(operation, body, deviations.ignoreBodyError);
  if (switches.regressions?.includes(operation.operationId)) OPT_IN_DEFECTS[operation.operationId].fail();
  await HANDLERS[operation.operationId]({ req, res, operation, params, body, user, store, defects });
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('./lib/spec.mjs').OperationRule} operation
 * @param {Store} store
 * @param {import('./defects.mjs').PipelineDefects} deviations
 * @returns {Account | undefined}
 */
function authenticate(req, operation, store, deviations) {
  if (!operation.secured) return undefined;
  const token = bearerToken(req.headers);
  if (token === undefined) {
    if (deviations.allowAnonymous) return undefined;
    throw unauthorized('A bearer token is required.');
  }
  return accountForToken(token, store.users, { trustUnverified: deviations.trustUnverifiedTokens });
}

/**
 * Starts the example API on 127.0.0.1 with a fresh in-memory store.
 * @param {DefectSwitches & { port?: number }} options
 * @returns {Promise<{ url: string, close: () => Promise<void> }>}
 */
export async function startExampleApi({ port = 0, ...switches }) {
  const server = createServer(createRequestListener(switches));
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
