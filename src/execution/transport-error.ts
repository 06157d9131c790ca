// A failed exchange in words. undici reports a malformed answer as an HTTPParserError without a code and a
// reset as a bare errno: the user needs to read what the target did wrong ("answered with something that
// is not HTTP", "invalid header", "connection reset after 3 bytes of the body").
import type { TransportError } from '../core/exchange.js';

/** What had arrived of the answer when it failed. */
export interface AnswerProgress {
  /** The status code, once the head of the answer was read (0 before). */
  status: number;
  /** Body bytes received (before decompression). */
  bodyBytes: number;
}

const NOTHING: AnswerProgress = { status: 0, bodyBytes: 0 };

export function toTransportError(error: unknown, progress: AnswerProgress = NOTHING): TransportError {
  const err = error as { code?: string; name?: string; message?: string; data?: string; cause?: { code?: string } };
  const message = err?.message ?? String(error);
  if (err?.name === 'HTTPParserError' || /does not match the HTTP\/1\.1 protocol/.test(message)) return malformed(message, err.data, progress);
  // undici reports a reset mid-request as UND_ERR_SOCKET; the OS code underneath says more.
  const code = err?.code === 'UND_ERR_SOCKET' && err.cause?.code ? err.cause.code : (err?.code ?? 'ERR_TRANSPORT');
  return { code, message: describe(code, message, progress) };
}

function malformed(message: string, data: string | undefined, progress: AnswerProgress): TransportError {
  const reason = /\(([^)]*)\)\s*$/.exec(message)?.[1] ?? message;
  const excerpt = data !== undefined && data !== '' ? `: ${JSON.stringify(data.slice(0, 40))}` : '';
  if (/Expected HTTP\//.test(reason) && progress.status === 0) {
    return { code: 'ERR_NOT_HTTP', message: `the target answered with something that is not HTTP${excerpt}` };
  }
  const where = progress.status === 0 ? 'in the head of its answer' : `in the body of its ${progress.status} answer`;
  return { code: 'ERR_INVALID_HTTP', message: `the target's answer is not valid HTTP/1.1 (${reason.toLowerCase()} ${where})${excerpt}` };
}

function describe(code: string, message: string, progress: AnswerProgress): string {
  const when =
    progress.status === 0 ? 'before any answer' : `after the head of a ${progress.status} answer and ${progress.bodyBytes} bytes of its body`;
  switch (code) {
    case 'ECONNRESET':
      return `connection reset by the target ${when}`;
    case 'EPIPE':
      return `the target closed the connection while the request was being sent`;
    case 'UND_ERR_SOCKET':
      return /other side closed/.test(message) ? `the target closed the connection ${when}` : `connection failed ${when}: ${message}`;
    case 'UND_ERR_HEADERS_OVERFLOW':
      return 'the head of the answer is too large (more header bytes than an HTTP client accepts)';
    case 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH':
      return `the body does not have the length its Content-Length header announced (${progress.bodyBytes} bytes received)`;
    case 'UND_ERR_HEADERS_TIMEOUT':
      return 'no answer head within the timeout';
    case 'UND_ERR_BODY_TIMEOUT':
      return `the body stalled ${when}`;
    default:
      return message;
  }
}
