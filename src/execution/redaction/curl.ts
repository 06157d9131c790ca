// One line a person can paste into a POSIX shell to send the same request again, secrets redacted.
import type { SentRequest } from '../../core/exchange.js';
import { redactRequest } from './redact.js';

/** Computed by curl itself; sending a stale one would break the request. */
const OMITTED_HEADERS = new Set(['content-length', 'host', 'connection', 'transfer-encoding']);

export function toCurl(request: SentRequest, extraNames: readonly string[] = []): string {
  const redacted = redactRequest(request, extraNames);
  const method = redacted.method.toUpperCase();
  // -g: query strings such as `filter[a]=1` must not be read as curl URL globs.
  const parts = ['curl', '-g'];
  if (method === 'HEAD') parts.push('--head');
  else if (method !== 'GET' || redacted.body !== undefined) parts.push('-X', shellQuote(method));
  parts.push(shellQuote(redacted.url));
  for (const [name, value] of Object.entries(redacted.headers)) {
    if (OMITTED_HEADERS.has(name.toLowerCase())) continue;
    parts.push('-H', shellQuote(`${name}: ${value}`));
  }
  if (redacted.body !== undefined) parts.push('--data-binary', shellQuote(redacted.body));
  return parts.join(' ');
}

/**
 * Single quotes keep everything literal; a value with a newline or another control character uses
 * ANSI-C quoting ($'...') so the command stays on one line.
 */
export function shellQuote(value: string): string {
  if (value !== '' && /^[A-Za-z0-9_\-.,:/=@%+]+$/.test(value)) return value;
  if (!/[\x00-\x1f\x7f]/.test(value)) return `'${value.replace(/'/g, `'\\''`)}'`;
  return `$'${ansiEscape(value)}'`;
}

function ansiEscape(value: string): string {
  let result = '';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (char === '\\') result += '\\\\';
    else if (char === "'") result += "\\'";
    else if (char === '\n') result += '\\n';
    else if (char === '\r') result += '\\r';
    else if (char === '\t') result += '\\t';
    else if (code < 0x20 || code === 0x7f) result += `\\x${code.toString(16).padStart(2, '0')}`;
    else result += char;
  }
  return result;
}
