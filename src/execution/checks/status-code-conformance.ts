// A status the description does not document (no exact code, no range, no `default`).
import type { Check } from './check.js';
import { isConformanceSubject, usesDocumentedMethod } from './applies.js';
import { isStatusDocumented } from './response-match.js';

export const statusCodeConformance: Check = {
  id: 'status_code_conformance',
  severity: 'medium',
  description: 'The response status is not documented for the operation (no exact code, no range such as 4XX, no default).',
  remediation: "Document the status in the operation's responses (or a range such as 4XX, or default), or stop returning it.",
  appliesTo: usesDocumentedMethod,
  run({ exchange, testCase, operation }) {
    const response = exchange.response;
    if (!response || !isConformanceSubject(testCase, response)) return [];
    // With no responses documented at all there is nothing to conform to.
    if (operation.responses.length === 0 || isStatusDocumented(operation, response.status)) return [];
    const documented = operation.responses.map((r) => r.status).join(', ');
    return [
      {
        title: `Undocumented status ${response.status}`,
        message: `The API answered ${response.status}, which is not documented for ${operation.key} (documented: ${documented}).`,
        cause: `status:${response.status}`,
      },
    ];
  },
};
