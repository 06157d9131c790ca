// Query strings end up in logs, browser history and Referer headers: keys there leak.
import type { DocumentRule } from '../../types.js';
import { securitySchemePointer } from '../../pointer.js';

export const apiKeyInQuery: DocumentRule = {
  id: 'owasp-api-key-in-query',
  set: 'owasp',
  severity: 'error',
  owasp: 'API2:2023 Broken Authentication',
  given: 'document',
  description: 'API keys are not sent in the query string.',
  fix: 'Send the key in a header (`in: header`, e.g. `X-API-Key`) or use a bearer token.',
  check(model) {
    return Object.entries(model.securitySchemes)
      .filter(([, scheme]) => scheme.type === 'apiKey' && scheme.in === 'query')
      .map(([name, scheme]) => ({
        pointer: securitySchemePointer(model, name),
        message: `Security scheme "${name}" sends the API key "${(scheme as { name: string }).name}" in the query string.`,
      }));
  },
};
