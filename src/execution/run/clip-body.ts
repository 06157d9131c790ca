// A finding's evidence shows the start of a response body, not all of it: bodies are read up to 1 MB, and
// a report holding a whole megabyte per finding (six when the bytes need escaping in JSON) is unreadable
// and made the run's memory peak while it was written.

/** Characters of a response body kept in a finding's evidence. */
export const MAX_EVIDENCE_BODY_CHARS = 64 * 1024;

export function clipBody(body: string, max = MAX_EVIDENCE_BODY_CHARS): string {
  if (body.length <= max) return body;
  return `${body.slice(0, max)}… [${body.length - max} more characters not shown]`;
}
