// An error a platform service raises to answer the caller with an HTTP problem (status, one-line detail,
// and the fields at fault). The gateway writes it as RFC 7807 problem+json.
export interface ProblemDetail {
  /** Where the problem is: `body/name`, `querystring/limit`, `params/id`, `header/authorization`. */
  path: string;
  message: string;
}

export class ServiceError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors?: ProblemDetail[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'ServiceError';
  }
}

export const notFound = (what: string) => new ServiceError(404, `${what} not found`);
export const conflict = (detail: string) => new ServiceError(409, detail);
export const invalid = (path: string, message: string) => new ServiceError(400, `${path}: ${message}`, [{ path, message }]);
