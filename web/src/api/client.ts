// The API client: every call carries the access token; a 401 refreshes the tokens once (one refresh for
// all the calls that failed together) and retries, so a session outlives its 15-minute access token
// without the page losing what the user typed. When the refresh fails too, the session is over.
import { clearTokens, loadTokens, saveTokens, type Tokens } from './session.js';

export interface Problem {
  title?: string;
  detail?: string;
  errors?: { path: string; message: string }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
}

let refreshing: Promise<boolean> | undefined;

async function refreshTokens(): Promise<boolean> {
  const tokens = loadTokens();
  if (tokens === undefined) return false;
  const response = await fetch('/api/v1/auth/refresh', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken: tokens.refreshToken }) }).catch(() => undefined);
  if (response?.ok) {
    saveTokens((await response.json()) as Tokens);
    return true;
  }
  // A network failure keeps the tokens (the next call tries again); a refused refresh ends the session.
  if (response !== undefined) clearTokens();
  return false;
}

function refreshOnce(): Promise<boolean> {
  refreshing ??= refreshTokens().finally(() => {
    refreshing = undefined;
  });
  return refreshing;
}

/** fetch with the session's token, refreshed once on a 401. */
export async function authorizedFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const send = () => {
    const headers = new Headers(init.headers);
    const tokens = loadTokens();
    if (tokens) headers.set('authorization', `Bearer ${tokens.accessToken}`);
    return fetch(path, { ...init, headers });
  };
  const before = loadTokens()?.accessToken;
  const response = await send();
  if (response.status !== 401 || before === undefined) return response;
  // Another call may have refreshed meanwhile: then only retry.
  if (loadTokens()?.accessToken === before && !(await refreshOnce())) return response;
  return send();
}

async function problemOf(response: Response): Promise<Problem> {
  try {
    return (await response.json()) as Problem;
  } catch {
    return { detail: `${response.status} ${response.statusText}` };
  }
}

export async function api<T>(path: string, options: { method?: string; body?: unknown; form?: FormData; signal?: AbortSignal } = {}): Promise<T> {
  const init: RequestInit = { method: options.method ?? 'GET', ...(options.signal ? { signal: options.signal } : {}) };
  if (options.form) init.body = options.form;
  else if (options.body !== undefined) {
    init.body = JSON.stringify(options.body);
    init.headers = { 'content-type': 'application/json' };
  }
  const response = await authorizedFetch(path, init);
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Sign in: stores the tokens. */
export async function signIn(username: string, password: string): Promise<void> {
  const response = await fetch('/api/v1/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  saveTokens((await response.json()) as Tokens);
}

export async function signOut(): Promise<void> {
  const tokens = loadTokens();
  if (tokens) await api('/api/v1/auth/logout', { method: 'POST', body: { refreshToken: tokens.refreshToken } }).catch(() => undefined);
  clearTokens();
}

/** Downloads an authenticated resource as a file. */
export async function download(path: string, fileName: string): Promise<void> {
  const response = await authorizedFetch(path);
  if (!response.ok) throw new ApiError(response.status, await problemOf(response));
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The query string of the defined values. */
export function query(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) if (value !== undefined && value !== '') params.set(name, String(value));
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
