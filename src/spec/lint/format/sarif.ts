// SARIF 2.1.0 for code-scanning UIs: every rule in tool.driver.rules, each finding a result located by
// the spec file (artifact), its line when known (region) and its JSON pointer (logical location).
import type { LintSeverity } from '../types.js';
import type { LintFormatter } from './types.js';

const LEVELS: Record<LintSeverity, 'error' | 'warning' | 'note'> = { error: 'error', warn: 'warning', info: 'note' };
// GitHub code scanning ranks security results by this 0–10 property.
const SECURITY_SEVERITY: Record<LintSeverity, string> = { error: '8.0', warn: '5.0', info: '2.0' };

export const formatSarif: LintFormatter = (result, options) => {
  const ruleIndex = new Map(options.rules.map((rule, index) => [rule.id, index]));
  const rules = options.rules.map((rule) => ({
    id: rule.id,
    name: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.owasp === undefined ? rule.description : `${rule.description} (OWASP ${rule.owasp})` },
    help: { text: rule.fix },
    defaultConfiguration: { level: LEVELS[rule.severity] },
    properties: {
      tags: rule.owasp === undefined ? [rule.set] : [rule.set, 'security', rule.owasp.slice(0, rule.owasp.indexOf(' '))],
      ...(rule.set === 'owasp' ? { 'security-severity': SECURITY_SEVERITY[rule.severity] } : {}),
    },
  }));
  const results = result.findings.map((finding) => ({
    ruleId: finding.rule,
    ...(ruleIndex.has(finding.rule) ? { ruleIndex: ruleIndex.get(finding.rule) } : {}),
    level: LEVELS[finding.severity],
    message: { text: `${finding.message} Fix: ${finding.fix}` },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: options.artifactUri, index: 0 },
        ...(finding.line === undefined ? {} : { region: { startLine: finding.line } }),
      },
      logicalLocations: [{ fullyQualifiedName: finding.pointer || '/', kind: 'member' }],
    }],
    properties: {
      pointer: finding.pointer,
      ...(finding.operation === undefined ? {} : { operation: finding.operation }),
      ...(finding.owasp === undefined ? {} : { owasp: finding.owasp }),
    },
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'sentinel', version: options.toolVersion, rules } },
      artifacts: [{ location: { uri: options.artifactUri } }],
      results,
      properties: { readinessScore: result.score },
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
