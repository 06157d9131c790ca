// The OAuth 2.0 Security Best Current Practice (RFC 9700) forbids the implicit and password grants.
import type { DocumentRule, RuleIssue } from '../../types.js';
import { joinPointer } from '../../../../core/json-pointer.js';
import { securitySchemePointer } from '../../pointer.js';

const DEPRECATED_FLOWS = new Set(['implicit', 'password']);

export const oauthFlowDeprecated: DocumentRule = {
  id: 'owasp-oauth-flow-deprecated',
  set: 'owasp',
  severity: 'warn',
  owasp: 'API2:2023 Broken Authentication',
  given: 'document',
  description: 'OAuth2 schemes do not offer the implicit or password flows.',
  fix: 'Use the authorization code flow with PKCE (or client credentials for machine clients).',
  check(model) {
    const issues: RuleIssue[] = [];
    for (const [name, scheme] of Object.entries(model.securitySchemes)) {
      if (scheme.type !== 'oauth2') continue;
      for (const flowName of Object.keys(scheme.flows)) {
        if (!DEPRECATED_FLOWS.has(flowName)) continue;
        const base = securitySchemePointer(model, name);
        const pointer = model.dialect === 'swagger-2.0' ? joinPointer(base, 'flow') : joinPointer(base, 'flows', flowName);
        issues.push({ pointer, message: `Security scheme "${name}" offers the ${flowName} flow.` });
      }
    }
    return issues;
  },
};
