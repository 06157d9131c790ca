// Which documented response answers a status: the exact code, then its range (`4XX`), then `default`.
// Pure and shared: conformance checks, agents and reports all need the same answer.
import type { MediaTypeContent, Operation, Response } from '../../spec/model.js';
import { mediaTypeMatches } from './media-type.js';

export function findDocumentedResponse(operation: Pick<Operation, 'responses'>, status: number): Response | undefined {
  const exact = String(status);
  const range = `${Math.floor(status / 100)}XX`;
  return (
    operation.responses.find((response) => response.status === exact) ??
    operation.responses.find((response) => response.status.toUpperCase() === range) ??
    operation.responses.find((response) => response.status === 'default')
  );
}

/** True when the status is covered by an exact code, a range or `default`. */
export function isStatusDocumented(operation: Pick<Operation, 'responses'>, status: number): boolean {
  return findDocumentedResponse(operation, status) !== undefined;
}

/**
 * The documented media type that describes a received content type. The most specific one wins, so a
 * `application/json` entry beats `application/*` and a `*\/*` fallback.
 */
export function findDocumentedContent(response: Response, contentType: string): MediaTypeContent | undefined {
  const candidates = response.content.filter((content) => mediaTypeMatches(content.mediaType, contentType));
  return candidates.sort((a, b) => specificity(b.mediaType) - specificity(a.mediaType))[0];
}

function specificity(mediaType: string): number {
  if (mediaType.startsWith('*/')) return 0;
  if (mediaType.includes('*')) return 1;
  return 2;
}
