// Every exchange of the run as an HTTP Archive (HAR 1.2), for browser developer tools and HAR viewers.
// Exchanges arrive redacted (execution redacts them where they are made); this only formats. A request
// that got no response (refused, reset, timed out) is an entry with status 0 and its error in `_error`,
// the HAR convention for a failed request.
import type { RunEvent } from '../core/events.js';
import type { Exchange } from '../core/exchange.js';
import type { RunResult } from '../core/run-result.js';

const TOOL_VERSION = '0.1.0';

interface HarNameValue {
  name: string;
  value: string;
}

export function writeHar(result: RunResult, events: readonly RunEvent[] = []): string {
  const entries = events.flatMap((event) => (event.type === 'exchange' ? [entry(event.exchange, event.operation)] : []));
  const har = {
    log: {
      version: '1.2',
      creator: { name: 'Sentinel', version: TOOL_VERSION },
      comment: `sentinel run ${result.summary.runId} against ${result.summary.target} (seed ${result.summary.seed})`,
      entries,
    },
  };
  return `${JSON.stringify(har, null, 2)}\n`;
}

function entry(exchange: Exchange, operation: string) {
  const { request, response } = exchange;
  const requestHeaders = Object.entries(request.headers).map(([name, value]) => ({ name, value }));
  const contentType = request.headers['content-type'];
  const harRequest: Record<string, unknown> = {
    method: request.method,
    url: absoluteUri(request.url),
    httpVersion: 'HTTP/1.1',
    cookies: cookiesOf(request.headers.cookie),
    headers: requestHeaders,
    queryString: queryOf(request.url),
    headersSize: -1,
    bodySize: request.body === undefined ? 0 : Buffer.byteLength(request.body),
  };
  if (request.body !== undefined) harRequest.postData = { mimeType: contentType ?? '', text: request.body };
  const responseHeaders: HarNameValue[] = [];
  for (const [name, value] of Object.entries(response?.headers ?? {})) {
    for (const one of Array.isArray(value) ? value : [value]) responseHeaders.push({ name, value: one });
  }
  const mimeType = headerText(response?.headers['content-type']);
  const harResponse = {
    status: response?.status ?? 0,
    statusText: '',
    httpVersion: response ? 'HTTP/1.1' : '',
    cookies: [],
    headers: responseHeaders,
    content: { size: response ? Buffer.byteLength(response.body) : 0, mimeType, ...(response && response.body !== '' ? { text: response.body } : {}) },
    redirectURL: headerText(response?.headers.location),
    headersSize: -1,
    bodySize: response ? Buffer.byteLength(response.body) : -1,
    ...(response?.truncated ? { comment: 'body truncated at the run limit' } : {}),
  };
  const time = Math.max(0, exchange.durationMs);
  return {
    startedDateTime: new Date(exchange.startedAt).toISOString(),
    time,
    request: harRequest,
    response: harResponse,
    cache: {},
    timings: { send: 0, wait: time, receive: 0 },
    _operation: operation,
    _caseId: exchange.caseId,
    _correlationId: exchange.correlationId,
    ...(exchange.error ? { _error: `${exchange.error.code}: ${exchange.error.message}` } : {}),
  };
}

/** An RFC 3986 URI: what WHATWG URLs leave raw in paths and queries (the redaction marker's brackets) encoded. */
function absoluteUri(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    const encode = (part: string) => part.replace(/[[\]{}|\\^`"<> ]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    return `${parsed.protocol}//${parsed.host}${encode(parsed.pathname)}${encode(parsed.search)}`;
  } catch {
    return url;
  }
}

function headerText(value: string | string[] | undefined): string {
  if (value === undefined) return '';
  return Array.isArray(value) ? value.join(', ') : value;
}

function queryOf(url: string): HarNameValue[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

function cookiesOf(header: string | undefined): HarNameValue[] {
  if (header === undefined) return [];
  return header
    .split(';')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0 ? { name: pair, value: '' } : { name: pair.slice(0, eq), value: pair.slice(eq + 1) };
    });
}
