// Tokens fetched or authorized over plain HTTP can be intercepted.
import type { DocumentRule, RuleIssue } from '../../types.js';
import { isLoopbackHost } from '../../facts.js';
import { joinPointer } from '../../../../core/json-pointer.js';
import { securitySchemePointer } from '../../pointer.js';

function isPlainHttp(url: string | undefined): url is string {
  return url !== undefined && /^http:\/\//i.test(url) && !isLoopbackHost(url);
}

export const authUrlInsecure: DocumentRule = {
  id: 'owasp-auth-url-insecure',
  set: 'owasp',
  severity: 'error',
  owasp: 'API2:2023 Broken Authentication',
  given: 'document',
  description: 'OAuth2 and OpenID Connect URLs use HTTPS.',
  fix: 'Use `https://` for authorization, token, refresh and OpenID Connect discovery URLs.',
  check(model) {
    const issues: RuleIssue[] = [];
    for (const [name, scheme] of Object.entries(model.securitySchemes)) {
      const base = securitySchemePointer(model, name);
      if (scheme.type === 'openIdConnect' && isPlainHttp(scheme.openIdConnectUrl)) {
        issues.push({ pointer: `${base}/openIdConnectUrl`, message: `Security scheme "${name}" discovers OpenID Connect over plain HTTP (${scheme.openIdConnectUrl}).` });
      }
      if (scheme.type !== 'oauth2') continue;
      for (const [flowName, flow] of Object.entries(scheme.flows)) {
        for (const field of ['authorizationUrl', 'tokenUrl', 'refreshUrl'] as const) {
          const url = flow[field];
          if (!isPlainHttp(url)) continue;
          const pointer = model.dialect === 'swagger-2.0' ? joinPointer(base, field) : joinPointer(base, 'flows', flowName, field);
          issues.push({ pointer, message: `Security scheme "${name}" (${flowName} flow) has a plain HTTP ${field}: ${url}.` });
        }
      }
    }
    return issues;
  },
};
