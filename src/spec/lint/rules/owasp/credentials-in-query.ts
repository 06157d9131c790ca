// Tokens and passwords passed as query parameters leak through logs and Referer headers.
import type { ParameterRule } from '../../types.js';

const CREDENTIAL_NAME = /^(password|passwd|pwd|secret|client_?secret|token|access_?token|refresh_?token|id_?token|api_?key|apikey|access_?key|session(_?id)?|auth|authorization)$/i;

export const credentialsInQuery: ParameterRule = {
  id: 'owasp-credentials-in-query',
  set: 'owasp',
  severity: 'warn',
  owasp: 'API2:2023 Broken Authentication',
  given: 'parameter',
  description: 'Credentials (passwords, tokens, keys) are not query parameters.',
  fix: 'Send credentials in a header (e.g. `Authorization`) or the request body, never in the URL.',
  check(parameter, operation) {
    if (parameter.in !== 'query' || !CREDENTIAL_NAME.test(parameter.name.replace(/-/g, '_'))) return [];
    return [{ pointer: parameter.pointer, message: `${operation.key} takes the credential "${parameter.name}" in the query string.` }];
  },
};
