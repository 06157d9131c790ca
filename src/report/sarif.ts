// SARIF 2.1.0 for code-scanning UIs: one rule per check, one result per finding, located at the
// operation (logical) and the description file (physical) when it is a file or URL.
import { createHash } from 'node:crypto';
import type { Severity } from '../core/finding.js';
import type { RunResult } from '../core/run-result.js';
import { checkCatalog, SECURITY_CHECKS, type CheckInfo } from './check-catalog.js';
import { reportFindings, type ReportFinding } from './report-finding.js';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const TOOL_VERSION = '0.1.0';

type SarifLevel = 'error' | 'warning' | 'note';

export function sarifLevel(severity: Severity): SarifLevel {
  if (severity === 'critical' || severity === 'high') return 'error';
  return severity === 'medium' ? 'warning' : 'note';
}

/** GitHub's bands: critical ≥ 9.0, high 7.0–8.9, medium 4.0–6.9, low 0.1–3.9. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.1' };

export function writeSarif(result: RunResult): string {
  const findings = reportFindings(result);
  const catalog = checkCatalog();
  const ruleIds = [...new Set(findings.map((f) => f.check))].sort();
  const rules = ruleIds.map((id) => rule(id, catalog.get(id), findings.find((f) => f.check === id)!));
  const artifact = specArtifact(result.summary.spec);
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Sentinel', version: TOOL_VERSION, semanticVersion: TOOL_VERSION, rules } },
        invocations: [
          {
            executionSuccessful: true,
            startTimeUtc: result.summary.startedAt,
            endTimeUtc: result.summary.finishedAt,
          },
        ],
        ...(artifact ? { artifacts: [{ location: artifact }] } : {}),
        results: findings.map((f) => sarifResult(f, ruleIds.indexOf(f.check), artifact)),
        properties: { target: result.summary.target, seed: result.summary.seed, runId: result.summary.runId },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function rule(id: string, info: CheckInfo | undefined, example: ReportFinding) {
  const description = info?.description ?? example.title;
  const severity = info?.severity ?? example.severity;
  const security = info?.security ?? SECURITY_CHECKS.has(id);
  const help = info?.remediation ? `${description}\n\nHow to fix: ${info.remediation}` : description;
  return {
    id,
    name: id.replace(/(^|_)([a-z])/g, (_m, _sep: string, letter: string) => letter.toUpperCase()),
    shortDescription: { text: description },
    fullDescription: { text: description },
    help: { text: help, markdown: info?.remediation ? `${description}\n\n**How to fix:** ${info.remediation}` : description },
    defaultConfiguration: { level: sarifLevel(severity) },
    properties: {
      tags: security ? ['security', 'api'] : ['api', 'conformance'],
      ...(security ? { 'security-severity': SECURITY_SEVERITY[severity], precision: 'high' } : {}),
    },
  };
}

function sarifResult(finding: ReportFinding, ruleIndex: number, artifact: ArtifactLocation | undefined) {
  const logical = { name: finding.operation, fullyQualifiedName: finding.operation, kind: 'function' };
  const location = artifact
    ? { physicalLocation: { artifactLocation: artifact, region: { startLine: 1 } }, logicalLocations: [logical] }
    : { logicalLocations: [logical] };
  return {
    ruleId: finding.check,
    ruleIndex,
    level: sarifLevel(finding.severity),
    message: { text: `${finding.title}: ${finding.message}` },
    locations: [location],
    partialFingerprints: { 'sentinelFinding/v1': fingerprint(finding) },
    properties: {
      severity: finding.severity,
      operation: finding.operation,
      count: finding.count,
      curl: finding.curl,
      ...(finding.response ? { status: finding.response.status } : {}),
      ...(finding.evidence !== undefined ? { evidence: finding.evidence } : {}),
      ...(finding.payload !== undefined ? { payload: finding.payload } : {}),
      ...(finding.steps ? { steps: finding.steps.map((step) => ({ title: step.title, curl: step.curl })) } : {}),
    },
  };
}

/** The dedupe identity (check, operation, cause): the same defect keeps its fingerprint across runs. */
function fingerprint(finding: ReportFinding): string {
  return createHash('sha256').update(`${finding.check}\n${finding.operation}\n${finding.cause}`).digest('hex');
}

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

/** The description as a SARIF artifact: a URL as is, an absolute path as file://, a relative one under %SRCROOT%. */
export function specArtifact(spec: string): ArtifactLocation | undefined {
  if (spec === '' || spec === '-' || spec === '<stdin>') return undefined;
  if (/^https?:\/\//i.test(spec)) return { uri: spec };
  const path = spec.replace(/\\/g, '/');
  if (path.startsWith('/')) return { uri: `file://${encodeURI(path)}` };
  if (/^[a-z]:\//i.test(path)) return { uri: `file:///${encodeURI(path)}` };
  return { uri: encodeURI(path.replace(/^\.\//, '')), uriBaseId: '%SRCROOT%' };
}
