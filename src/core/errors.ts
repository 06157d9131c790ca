// Errors that reach the user as one line and an exit code, never as a stack trace.

/** Exit codes shared by every command: 0 clean, 1 findings at or above the threshold, 2 usage/spec/connection error. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

export type ErrorKind = 'usage' | 'spec' | 'config' | 'connection' | 'internal';

export class SentinelError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SentinelError';
  }
}

/**
 * A description that cannot be loaded. `toString()` gives the one line users see:
 * `<file>:<line>: <pointer>: <reason>` with the parts that are known.
 */
export class SpecError extends SentinelError {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly pointer?: string,
    readonly line?: number,
    options?: { cause?: unknown },
  ) {
    super('spec', formatLocation(file, pointer, line, reason), options);
    this.name = 'SpecError';
  }
}

export function formatLocation(file: string, pointer: string | undefined, line: number | undefined, reason: string): string {
  const where = line === undefined ? file : `${file}:${line}`;
  return pointer === undefined || pointer === '' ? `${where}: ${reason}` : `${where}: ${pointer}: ${reason}`;
}

/** Node's codes for a TLS certificate it does not trust (self-signed, unknown issuer, expired, wrong name). */
export function isCertificateError(code: string): boolean {
  return /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/.test(code);
}

/** Appended to a certificate error wherever Sentinel meets one: the way around it. */
export const INSECURE_HINT = "the server's TLS certificate is not trusted; --insecure skips verification, for test servers only";
