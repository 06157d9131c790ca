// Documented response headers: required ones must be present, present ones must match their schema.
import type { FindingDraft } from '../../core/finding.js';
import type { Check } from './check.js';
import { headerValue, isConformanceSubject, usesDocumentedMethod } from './applies.js';
import { coerceHeaderValue } from './header-value.js';
import { findDocumentedResponse } from './response-match.js';

export const responseHeadersConformance: Check = {
  id: 'response_headers_conformance',
  severity: 'medium',
  description: 'A documented required response header is missing (medium), or a documented header does not match its schema (low).',
  remediation: 'Send every header the description marks as required, with values that match its schema, or correct the description.',
  appliesTo: usesDocumentedMethod,
  run({ exchange, testCase, operation, validate }) {
    const response = exchange.response;
    if (!response || !isConformanceSubject(testCase, response)) return [];
    const documented = findDocumentedResponse(operation, response.status);
    if (!documented) return [];
    const drafts: FindingDraft[] = [];
    for (const [name, header] of Object.entries(documented.headers)) {
      // OpenAPI: a Content-Type response header definition is ignored (the content map rules it).
      if (name.toLowerCase() === 'content-type') continue;
      const raw = headerValue(response.headers, name);
      if (raw === undefined) {
        if (header.required) {
          drafts.push({
            title: `Missing required header ${name}`,
            message: `The ${response.status} response lacks the ${name} header that the description marks as required.`,
            cause: `missing:${name.toLowerCase()}`,
          });
        }
        continue;
      }
      const result = validate(header.schema, coerceHeaderValue(header.schema, raw));
      if (result.valid) continue;
      const first = result.errors[0];
      drafts.push({
        title: `Invalid header ${name}`,
        message: `The ${name} header value ${JSON.stringify(raw)} does not match its schema${first ? `: ${first.message} (${first.keyword})` : ''}.`,
        cause: `invalid:${name.toLowerCase()}:${first?.keyword ?? 'schema'}`,
        evidence: `${name.toLowerCase()}: ${raw}`,
        severity: 'low',
      });
    }
    return drafts;
  },
};
