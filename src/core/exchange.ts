// One request sent and what came back (or the transport error), as recorded by the runner.

export interface SentRequest {
  method: string;
  url: string;
  /** Lower-case header names. Secrets are redacted only when written (see report/redact). */
  headers: Record<string, string>;
  body?: string;
}

export interface ReceivedResponse {
  status: number;
  /** Lower-case header names; repeated headers joined with `, ` except `set-cookie` (array). */
  headers: Record<string, string | string[]>;
  /** The body as text, truncated to the runner's limit. */
  body: string;
  /** Parsed body when the content type is JSON and it parses. */
  json?: unknown;
  /** True when `body` was cut at the runner's limit. */
  truncated: boolean;
  /** Why a JSON body was not parsed although it may be JSON (too deeply nested): checks skip judging it. */
  unparsed?: string;
}

export interface TransportError {
  /** `ECONNREFUSED`, `ECONNRESET`, `UND_ERR_HEADERS_TIMEOUT`, `timeout`... */
  code: string;
  message: string;
}

export interface Exchange {
  caseId: string;
  /** The `X-Correlation-ID` sent with the request. */
  correlationId: string;
  request: SentRequest;
  response?: ReceivedResponse;
  error?: TransportError;
  /** Wall-clock start (ms since epoch) and duration until the body was read. */
  startedAt: number;
  durationMs: number;
  /** Connection-error retries made before this result. */
  retries: number;
}
