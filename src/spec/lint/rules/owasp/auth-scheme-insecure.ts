// Basic and Digest send reusable credentials (or weak hashes of them) with every request.
import type { DocumentRule } from '../../types.js';
import { securitySchemePointer } from '../../pointer.js';

const WEAK_HTTP_SCHEMES = new Set(['basic', 'digest', 'negotiate', 'oauth']);

export const authSchemeInsecure: DocumentRule = {
  id: 'owasp-auth-scheme-insecure',
  set: 'owasp',
  severity: 'warn',
  owasp: 'API2:2023 Broken Authentication',
  given: 'document',
  description: 'HTTP authentication uses tokens rather than Basic, Digest, Negotiate or OAuth 1.',
  fix: 'Prefer short-lived bearer tokens (OAuth2 / OpenID Connect); if Basic stays, restrict it to HTTPS and rate-limit it.',
  check(model) {
    return Object.entries(model.securitySchemes)
      .filter(([, scheme]) => scheme.type === 'http' && WEAK_HTTP_SCHEMES.has(scheme.scheme.toLowerCase()))
      .map(([name, scheme]) => ({
        pointer: securitySchemePointer(model, name),
        message: `Security scheme "${name}" uses HTTP ${(scheme as { scheme: string }).scheme} authentication.`,
      }));
  },
};
