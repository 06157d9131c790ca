// Plain HTTP exposes credentials and data on the wire; loopback servers are fine for local testing.
import type { DocumentRule, RuleIssue } from '../../types.js';
import { isLoopbackHost } from '../../facts.js';
import { joinPointer } from '../../../../core/json-pointer.js';
import { serverPointer } from '../../pointer.js';

function isPlainHttp(url: string): boolean {
  return /^http:\/\//i.test(url) && !isLoopbackHost(url);
}

export const httpServer: DocumentRule = {
  id: 'owasp-http-server',
  set: 'owasp',
  severity: 'error',
  owasp: 'API8:2023 Security Misconfiguration',
  given: 'document',
  description: 'Servers use HTTPS (plain HTTP only on loopback).',
  fix: 'Serve the API over HTTPS and change the server URL to `https://`.',
  check(model) {
    const issues: RuleIssue[] = model.servers
      .map((server, index) => ({ server, index }))
      .filter(({ server }) => isPlainHttp(server.url))
      .map(({ server, index }) => ({ pointer: serverPointer(model, index), message: `Server ${server.url} uses plain HTTP.` }));
    for (const operation of model.operations) {
      (operation.servers ?? []).forEach((server, index) => {
        if (isPlainHttp(server.url)) {
          issues.push({ pointer: joinPointer(operation.pointer, 'servers', index), message: `${operation.key} server ${server.url} uses plain HTTP.`, operation: operation.key });
        }
      });
    }
    return issues;
  },
};
