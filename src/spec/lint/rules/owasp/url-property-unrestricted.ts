// A URL the server fetches (webhook, avatar, import) is the classic SSRF entry point.
import type { RuleIssue, SchemaObject, SchemaRule } from '../../types.js';
import { escapeToken } from '../../../../core/json-pointer.js';

const SNAKE_URL_NAME = /(^|[_-])(url|uri|href|callback|webhook|redirect|redirect_?uri|redirect_?url|endpoint)$/i;
const CAMEL_URL_NAME = /[a-z](Url|URL|Uri|URI|Href)$/;

export function isUrlName(name: string): boolean {
  return SNAKE_URL_NAME.test(name) || CAMEL_URL_NAME.test(name);
}
export const URL_FORMATS = new Set(['uri', 'url', 'uri-reference', 'iri', 'iri-reference', 'uri-template']);

/** A URL input is restricted when its values are listed or matched against an allow-pattern. */
export function isRestrictedUrl(schema: SchemaObject): boolean {
  return 'enum' in schema || 'const' in schema || 'pattern' in schema;
}

function isUrlFormat(schema: SchemaObject): boolean {
  return typeof schema.format === 'string' && URL_FORMATS.has(schema.format);
}

export const urlPropertyUnrestricted: SchemaRule = {
  id: 'owasp-url-property-unrestricted',
  set: 'owasp',
  severity: 'warn',
  owasp: 'API7:2023 Server Side Request Forgery',
  given: 'schema',
  scope: 'input',
  description: 'Input URLs (format uri, or properties named like a URL) are restricted by a pattern or an enum.',
  fix: 'Restrict the URL with a `pattern` (allowed schemes and hosts) or an `enum`, and validate it server-side against an allow-list.',
  check(schema) {
    const issues: RuleIssue[] = [];
    if (isUrlFormat(schema) && !isRestrictedUrl(schema)) issues.push({ pointer: '', message: `Input URL (format ${String(schema.format)}) accepts any host.` });
    const properties = schema.properties;
    if (typeof properties !== 'object' || properties === null) return issues;
    for (const [name, property] of Object.entries(properties)) {
      if (typeof property !== 'object' || property === null || !isUrlName(name)) continue;
      // Properties with a URL format are reported by their own node.
      if (isUrlFormat(property) || isRestrictedUrl(property) || (property.type !== undefined && property.type !== 'string')) continue;
      issues.push({ pointer: `/properties/${escapeToken(name)}`, message: `Input property "${name}" looks like a URL and accepts any value.` });
    }
    return issues;
  },
};
