// Secrets never reach a written report: credential headers, secret-named query parameters and cookies
// are replaced by a marker, and the secret values found there are scrubbed from every other text of the
// same finding (bodies echoing a token, evidence, messages).
import type { Exchange, ReceivedResponse, SentRequest } from '../../core/exchange.js';
import { isSecretName } from './secret-names.js';

export const REDACTED = '[REDACTED]';

/** Shorter values are too likely to occur by chance to scrub them from free text. */
const MIN_SCRUBBED_LENGTH = 6;

type HeaderMap = Record<string, string | string[]>;

export function redactHeaders<T extends HeaderMap>(headers: T, extraNames: readonly string[] = []): T {
  const result: HeaderMap = {};
  for (const [name, value] of Object.entries(headers)) {
    result[name] = Array.isArray(value)
      ? value.map((item) => redactHeaderValue(name, item, extraNames))
      : redactHeaderValue(name, value, extraNames);
  }
  return result as T;
}

function redactHeaderValue(name: string, value: string, extraNames: readonly string[]): string {
  const lower = name.toLowerCase();
  if (lower === 'cookie') return redactCookiePairs(value, '; ');
  if (lower === 'set-cookie') return redactSetCookie(value);
  if (!isSecretName(name, extraNames)) return value;
  // Keep the scheme (`Bearer`, `Basic`) so a reader knows which credential to put back.
  const scheme = /^(bearer|basic|digest|token|apikey|negotiate|hoba|mutual|aws4-hmac-sha256)\s+/i.exec(value);
  return scheme ? `${scheme[1]} ${REDACTED}` : REDACTED;
}

function redactCookiePairs(value: string, separator: string): string {
  return value
    .split(/;\s*/)
    .filter((pair) => pair !== '')
    .map((pair) => {
      const equals = pair.indexOf('=');
      return equals < 0 ? REDACTED : `${pair.slice(0, equals)}=${REDACTED}`;
    })
    .join(separator);
}

function redactSetCookie(value: string): string {
  const [pair = '', ...attributes] = value.split(';');
  const equals = pair.indexOf('=');
  const redactedPair = equals < 0 ? REDACTED : `${pair.slice(0, equals).trim()}=${REDACTED}`;
  return [redactedPair, ...attributes.map((attribute) => attribute.trim())].join('; ');
}

/** Replaces secret query parameter values and any userinfo; the rest of the URL is kept byte for byte. */
export function redactUrl(url: string, extraNames: readonly string[] = []): string {
  const withoutUserinfo = url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, `$1${REDACTED}@`);
  const queryStart = withoutUserinfo.indexOf('?');
  if (queryStart < 0) return withoutUserinfo;
  const hashStart = withoutUserinfo.indexOf('#', queryStart);
  const end = hashStart < 0 ? withoutUserinfo.length : hashStart;
  const query = withoutUserinfo
    .slice(queryStart + 1, end)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals < 0) return pair;
      return isSecretName(safeDecode(pair.slice(0, equals)), extraNames) ? `${pair.slice(0, equals)}=${REDACTED}` : pair;
    })
    .join('&');
  return `${withoutUserinfo.slice(0, queryStart)}?${query}${withoutUserinfo.slice(end)}`;
}

/** `secrets`: the values to scrub from the rest of the request (by default, the request's own credentials). */
export function redactRequest(
  request: SentRequest,
  extraNames: readonly string[] = [],
  secrets: readonly string[] = collectSecretValues([request], extraNames),
): SentRequest {
  const redacted: SentRequest = {
    method: request.method,
    url: scrubSecrets(redactUrl(request.url, extraNames), secrets),
    headers: scrubHeaderValues(redactHeaders(request.headers, extraNames), secrets),
  };
  if (request.body !== undefined) redacted.body = scrubSecrets(request.body, secrets);
  return redacted;
}

/** An exchange as stored or published: request and response redacted, the parsed body dropped (it may hold secrets). */
export function redactExchange(exchange: Exchange, extraNames: readonly string[] = []): Exchange {
  const secrets = [...collectSecretValues([exchange.request], extraNames), ...collectBodySecrets([exchange.response], extraNames)].sort((a, b) => b.length - a.length);
  const redacted: Exchange = { ...exchange, request: redactRequest(exchange.request, extraNames, secrets) };
  if (exchange.response) redacted.response = { ...redactResponse(exchange.response, secrets, extraNames), truncated: exchange.response.truncated };
  return redacted;
}

export function redactResponse<T extends Pick<ReceivedResponse, 'status' | 'headers' | 'body'>>(
  response: T,
  secrets: readonly string[],
  extraNames: readonly string[] = [],
): { status: number; headers: HeaderMap; body: string } {
  return {
    status: response.status,
    headers: scrubHeaderValues(redactHeaders(response.headers, extraNames), secrets),
    body: scrubSecrets(response.body, secrets),
  };
}

function scrubHeaderValues<T extends HeaderMap>(headers: T, secrets: readonly string[]): T {
  const result: HeaderMap = {};
  for (const [name, value] of Object.entries(headers)) {
    result[name] = Array.isArray(value) ? value.map((item) => scrubSecrets(item, secrets)) : scrubSecrets(value, secrets);
  }
  return result as T;
}

/**
 * The secret values a set of requests carries (credential headers, cookies, secret query parameters),
 * longest first so a value is scrubbed before any shorter part of it.
 */
export function collectSecretValues(requests: readonly SentRequest[], extraNames: readonly string[] = []): string[] {
  const values = new Set<string>();
  const add = (value: string | undefined) => {
    if (value !== undefined && value.length >= MIN_SCRUBBED_LENGTH && !value.includes(REDACTED)) values.add(value);
  };
  for (const request of requests) {
    for (const [name, value] of Object.entries(request.headers)) {
      const lower = name.toLowerCase();
      if (lower === 'cookie') {
        for (const pair of value.split(/;\s*/)) add(pair.slice(pair.indexOf('=') + 1));
        continue;
      }
      if (!isSecretName(name, extraNames)) continue;
      add(value);
      const credential = /^\S+\s+(.+)$/.exec(value)?.[1];
      add(credential);
      if (/^basic\s/i.test(value) && credential) {
        const decoded = Buffer.from(credential, 'base64').toString('utf8');
        add(decoded);
        add(decoded.slice(decoded.indexOf(':') + 1));
      }
    }
    for (const [name, value] of queryPairs(request.url)) {
      if (isSecretName(name, extraNames)) {
        add(value);
        add(safeDecode(value));
      }
    }
    add(/^[a-z][a-z0-9+.-]*:\/\/([^/?#@]*)@/i.exec(request.url)?.[1]);
  }
  return [...values].sort((a, b) => b.length - a.length);
}

export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (result.includes(secret)) result = result.split(secret).join(REDACTED);
  }
  return result;
}

function queryPairs(url: string): [string, string][] {
  const queryStart = url.indexOf('?');
  if (queryStart < 0) return [];
  const hashStart = url.indexOf('#', queryStart);
  const query = url.slice(queryStart + 1, hashStart < 0 ? undefined : hashStart);
  return query
    .split('&')
    .filter((pair) => pair.includes('='))
    .map((pair) => [safeDecode(pair.slice(0, pair.indexOf('='))), pair.slice(pair.indexOf('=') + 1)]);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** Tokens a response hands out (`"access_token": "..."`): string values under secret-named JSON keys. */
export function collectBodySecrets(responses: ({ body: string } | undefined)[], extraNames: readonly string[]): string[] {
  const values: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === 'string' && value.length >= MIN_SCRUBBED_LENGTH && isSecretName(key, extraNames)) values.push(value);
        else walk(value);
      }
    }
  };
  for (const response of responses) {
    const body = response?.body.trim();
    if (!body || (body[0] !== '{' && body[0] !== '[')) continue;
    try {
      walk(JSON.parse(body));
    } catch {
      // Not JSON (or truncated): only the request-side secrets apply.
    }
  }
  return values;
}
