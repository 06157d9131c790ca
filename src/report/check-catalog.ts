// What reports say about a check beyond its findings: description, default severity, how to fix, and
// whether it is a security check (code-scanning UIs rank those by `security-severity`).
import type { Severity } from '../core/finding.js';
import { createCheckRegistry } from '../execution/checks/registry.js';

export interface CheckInfo {
  id: string;
  description: string;
  severity: Severity;
  remediation?: string;
  security: boolean;
}

/** The security checks the security agents exist for: ranked as vulnerabilities. */
export const SECURITY_CHECKS: ReadonlySet<string> = new Set([
  'ignored_auth',
  'bola',
  'bfla',
  'sql_injection',
  'nosql_injection',
  'command_injection',
  'path_traversal',
  'xss',
  'ssrf',
  'prompt_injection',
  'information_disclosure',
]);

export function checkCatalog(): Map<string, CheckInfo> {
  const registry = createCheckRegistry();
  const catalog = new Map<string, CheckInfo>();
  for (const check of [...registry.exchangeChecks, ...registry.scenarioChecks]) {
    // One name can be both an exchange check and a scenario check (signature and differential probes):
    // the rule describes both ways it finds the defect.
    const known = catalog.get(check.id);
    if (known) {
      if (!known.description.includes(check.description)) known.description = `${known.description} ${check.description}`;
      known.remediation ??= check.remediation;
      continue;
    }
    const info: CheckInfo = { id: check.id, description: check.description, severity: check.severity, security: SECURITY_CHECKS.has(check.id) };
    if (check.remediation !== undefined) info.remediation = check.remediation;
    catalog.set(check.id, info);
  }
  return catalog;
}
