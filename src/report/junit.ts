// JUnit XML for CI: a testsuite per operation, a testcase per check that judged it; a check with
// findings fails with the evidence (request, response, curl) in the failure body.
import { severityRank } from '../core/finding.js';
import type { RunResult } from '../core/run-result.js';
import { evidenceText } from './evidence-text.js';
import { reportFindings, type ReportFinding } from './report-finding.js';
import { xmlAttr, xmlText } from './xml.js';

export function writeJunit(result: RunResult): string {
  const findings = reportFindings(result);
  const checksRun = result.summary.checksRun ?? {};
  const operations = [...new Set([...Object.keys(checksRun), ...findings.map((f) => f.operation)])].sort();
  const suites = operations.map((operation) =>
    suite(
      operation,
      checksRun[operation] ?? [],
      findings.filter((f) => f.operation === operation),
    ),
  );
  const runSuite = runHealthSuite(result);
  if (runSuite) suites.push(runSuite);
  const tests = suites.reduce((sum, s) => sum + s.tests, 0);
  const failures = suites.reduce((sum, s) => sum + s.failures, 0);
  const errors = suites.reduce((sum, s) => sum + s.errors, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="sentinel" tests="${tests}" failures="${failures}" errors="${errors}" time="${seconds(result.summary.durationMs)}">`,
    ...suites.map((s) => s.xml),
    '</testsuites>',
    '',
  ].join('\n');
}

interface Suite {
  xml: string;
  tests: number;
  failures: number;
  errors: number;
}

function suite(operation: string, ran: string[], findings: ReportFinding[]): Suite {
  const checks = [...new Set([...ran, ...findings.map((f) => f.check)])].sort();
  const cases = checks.map((check) => testcase(operation, check, findings.filter((f) => f.check === check)));
  const failures = cases.filter((c) => c.failed).length;
  return {
    tests: cases.length,
    failures,
    errors: 0,
    xml: [
      `  <testsuite name="${xmlAttr(operation)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">`,
      ...cases.map((c) => c.xml),
      '  </testsuite>',
    ].join('\n'),
  };
}

function testcase(operation: string, check: string, findings: ReportFinding[]): { xml: string; failed: boolean } {
  const open = `    <testcase classname="${xmlAttr(operation)}" name="${xmlAttr(check)}"`;
  if (findings.length === 0) return { xml: `${open}/>`, failed: false };
  const worst = findings.reduce((a, b) => (severityRank(b.severity) > severityRank(a.severity) ? b : a));
  const message =
    findings.length === 1 ? `[${worst.severity}] ${worst.title}` : `[${worst.severity}] ${findings.length} findings: ${findings.map((f) => f.title).join('; ')}`;
  const body = findings.map((f) => `[${f.severity}] ${f.title}\n${evidenceText(f)}`).join('\n\n----\n\n');
  return {
    failed: true,
    xml: `${open}>\n      <failure message="${xmlAttr(message)}" type="${worst.severity}">${xmlText(body)}</failure>\n    </testcase>`,
  };
}

/** Transport errors and what agents could not test are part of the run's health, so CI shows them too. */
function runHealthSuite(result: RunResult): Suite | undefined {
  const { transportErrors, notes } = result.summary;
  if (transportErrors === 0 && notes.length === 0) return undefined;
  const lines = ['  <testsuite name="sentinel run" tests="1" failures="0" errors="' + (transportErrors > 0 ? 1 : 0) + '" skipped="0">'];
  if (transportErrors > 0) {
    lines.push(
      `    <testcase classname="sentinel run" name="transport">\n      <error message="${transportErrors} request(s) got no response" type="transport">${transportErrors} request(s) were refused, reset or timed out; their cases could not be judged.</error>\n    </testcase>`,
    );
  } else {
    lines.push('    <testcase classname="sentinel run" name="transport"/>');
  }
  if (notes.length > 0) lines.push(`    <system-out>${xmlText(notes.join('\n'))}</system-out>`);
  lines.push('  </testsuite>');
  return { xml: lines.join('\n'), tests: 1, failures: 0, errors: transportErrors > 0 ? 1 : 0 };
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
