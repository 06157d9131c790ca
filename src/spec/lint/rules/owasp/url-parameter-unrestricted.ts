// Query or header parameters carrying a URL the server fetches or redirects to (SSRF, open redirect).
import type { ParameterRule } from '../../types.js';
import { isRestrictedUrl, isUrlName, URL_FORMATS } from './url-property-unrestricted.js';

export const urlParameterUnrestricted: ParameterRule = {
  id: 'owasp-url-parameter-unrestricted',
  set: 'owasp',
  severity: 'warn',
  owasp: 'API7:2023 Server Side Request Forgery',
  given: 'parameter',
  description: 'Parameters named like a URL are restricted by a pattern or an enum.',
  fix: 'Restrict the parameter with a `pattern` (allowed schemes and hosts) or an `enum`, and validate it server-side against an allow-list.',
  check(parameter, operation) {
    const schema = typeof parameter.schema === 'object' ? parameter.schema : {};
    if (!isUrlName(parameter.name) || isRestrictedUrl(schema)) return [];
    // A URL `format` is reported on the schema by owasp-url-property-unrestricted; non-strings are not URLs.
    const urlFormat = typeof schema.format === 'string' && URL_FORMATS.has(schema.format);
    if (urlFormat || (schema.type !== undefined && schema.type !== 'string')) return [];
    return [{ pointer: parameter.pointer, message: `${parameter.in} parameter "${parameter.name}" of ${operation.key} looks like a URL and accepts any value.` }];
  },
};
