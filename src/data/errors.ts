// What a repository refuses, as data the gateway maps to HTTP (409, 404) without matching messages.

export class DataConflictError extends Error {
  readonly code = 'conflict';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DataConflictError';
  }
}

export class InvalidTransitionError extends Error {
  readonly code = 'invalid_transition';
  constructor(readonly from: string, readonly to: string) {
    super(`a run that is ${from} cannot become ${to}`);
    this.name = 'InvalidTransitionError';
  }
}

/** PostgreSQL's unique_violation: the same on PGlite and on a server. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}
