// Identities that log in: before the run, the description's login operation is called with the
// configured credentials and the token it returns becomes the identity's credential header.
import type { PlannedRequest } from '../../core/test-case.js';
import { SentinelError } from '../../core/errors.js';
import type { ApiModel } from '../../spec/model.js';
import { createHttpClient, type HttpClient } from '../http-client.js';
import type { IdentitySet } from './identity.js';
import { extract } from '../scenario-vars.js';
import { buildRequest } from '../serialize/request.js';

export interface LoginSpec {
  /** The operation that logs in, by operationId or as `"POST /auth/login"`. */
  operation: string;
  /** The request body (JSON unless the operation only accepts another media type). */
  body?: unknown;
  /** Where the token is in the response: `$response.body#/access_token`, `$response.header.X-Token`. */
  token: string;
  /** Header that carries the token; `Authorization` by default. */
  header?: string;
  /** Prefix before the token; `Bearer` by default, `''` for none. */
  scheme?: string;
}

/** Returns the credential header for `identity`, or throws one line saying what went wrong. */
export async function logIn(model: ApiModel, identity: string, spec: LoginSpec, baseUrl: string, commonHeaders: Record<string, string>, client: HttpClient): Promise<[string, string]> {
  const where = `identity ${identity}: login`;
  const operation = model.operations.find((op) => op.operationId === spec.operation || op.key === spec.operation);
  if (operation === undefined) throw new SentinelError('config', `${where}: no operation ${JSON.stringify(spec.operation)} in the description`);
  const planned: PlannedRequest = { method: operation.method, pathParams: {}, query: {}, headers: {}, cookies: {}, identity: null };
  if (spec.body !== undefined) {
    const declared = operation.requestBody?.content.map((c) => c.mediaType) ?? [];
    const mediaType = declared.find((m) => m.includes('json')) ?? declared[0] ?? 'application/json';
    planned.body = { mediaType, value: spec.body };
  }
  const exchange = await client.send(`login:${identity}`, buildRequest(operation, planned, baseUrl, commonHeaders));
  if (exchange.response === undefined) throw new SentinelError('connection', `${where} via ${operation.key} got no response (${exchange.error?.code}: ${exchange.error?.message})`);
  const status = exchange.response.status;
  if (status < 200 || status > 299) throw new SentinelError('config', `${where} via ${operation.key} answered ${status}`);
  const token = extract(spec.token, exchange.response);
  if (typeof token !== 'string' && typeof token !== 'number') {
    throw new SentinelError('config', `${where} via ${operation.key}: no token at ${spec.token}`);
  }
  const scheme = spec.scheme ?? 'Bearer';
  return [(spec.header ?? 'authorization').toLowerCase(), scheme === '' ? String(token) : `${scheme} ${token}`];
}

/** Logs every identity with a login spec in, in order, adding the token header to its credentials. */
/** Logs every identity with a login in, over a client of its own; nothing to do without logins. */
export async function logInIdentities(
  model: ApiModel,
  set: IdentitySet,
  logins: { name: string; spec: LoginSpec }[],
  baseUrl: string,
  transport: { timeoutMs: number; insecure: boolean },
): Promise<void> {
  if (logins.length === 0) return;
  const client = createHttpClient({ timeoutMs: transport.timeoutMs, connections: 1, insecure: transport.insecure });
  try {
    await logInAll(model, set, logins, baseUrl, client);
  } finally {
    await client.close();
  }
}

export async function logInAll(model: ApiModel, set: IdentitySet, logins: { name: string; spec: LoginSpec }[], baseUrl: string, client: HttpClient): Promise<void> {
  for (const { name, spec } of logins) {
    const identity = set.identities.find((candidate) => candidate.name === name);
    if (identity === undefined) continue;
    const [header, value] = await logIn(model, name, spec, baseUrl, set.commonHeaders, client);
    identity.headers[header] = value;
  }
}
