// A response body whose Content-Type is not among the media types documented for its status.
import type { Check } from './check.js';
import { headerValue, isConformanceSubject, usesDocumentedMethod } from './applies.js';
import { parseMediaType } from './media-type.js';
import { findDocumentedContent, findDocumentedResponse } from './response-match.js';

export const contentTypeConformance: Check = {
  id: 'content_type_conformance',
  severity: 'medium',
  description: 'The response Content-Type is not one of the media types documented for its status.',
  remediation: 'Send the documented Content-Type for this status, or document the media type the API really returns.',
  appliesTo: usesDocumentedMethod,
  run({ exchange, testCase, operation }) {
    const response = exchange.response;
    if (!response || !isConformanceSubject(testCase, response)) return [];
    // No body (204, 304, HEAD, empty 201) has no content type to judge.
    if (response.body.length === 0 || response.status === 204 || response.status === 304) return [];
    const documented = findDocumentedResponse(operation, response.status);
    if (!documented || documented.content.length === 0) return [];
    const allowed = documented.content.map((c) => c.mediaType).join(', ');
    const contentType = headerValue(response.headers, 'content-type');
    if (contentType === undefined || contentType.trim() === '') {
      return [
        {
          title: 'Response body without a Content-Type',
          message: `The ${response.status} response has a body but no Content-Type header (documented: ${allowed}).`,
          cause: 'missing',
        },
      ];
    }
    if (findDocumentedContent(documented, contentType)) return [];
    const essence = parseMediaType(contentType);
    const received = essence ? `${essence.type}/${essence.subtype}` : contentType.trim();
    return [
      {
        title: `Undocumented content type ${received}`,
        message: `The ${response.status} response has Content-Type ${contentType.trim()}, but the description documents ${allowed} for status ${documented.status}.`,
        cause: `${documented.status}:${received}`,
        evidence: `content-type: ${contentType}`,
      },
    ];
  },
};
