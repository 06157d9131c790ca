// RFC 7807 problem+json: every error the platform answers, built from named constants.
import type { ProblemDetail } from '../core/service-error.js';

export { ServiceError as HttpProblem, type ProblemDetail } from '../core/service-error.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  correlationId?: string;
  errors?: ProblemDetail[];
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  424: 'Failed Dependency',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problemOf(status: number, detail: string, errors?: ProblemDetail[]): Problem {
  return {
    type: `https://sentinel.dev/problems/${(TITLES[status] ?? 'error').toLowerCase().replace(/\s+/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    ...(errors !== undefined && errors.length > 0 ? { errors } : {}),
  };
}

export const PROBLEM_SCHEMA = {
  $id: 'Problem',
  type: 'object',
  description: 'RFC 7807 problem details',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    correlationId: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
  },
} as const;
