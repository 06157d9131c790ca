// X-Correlation-ID: taken from the request when it is a sensible token, created otherwise, echoed on the
// response and stored with the audit events the request causes.
import { randomUUID } from 'node:crypto';

const ACCEPTED = /^[A-Za-z0-9._:-]{1,128}$/;

export function correlationIdOf(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given !== undefined && ACCEPTED.test(given) ? given : randomUUID();
}
