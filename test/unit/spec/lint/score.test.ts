import { describe, expect, it } from 'vitest';
import { readinessScore, SEVERITY_WEIGHTS, type LintFinding, type LintSeverity } from '../../../../src/spec/lint/index.js';
import { model, op } from './helpers.js';

const finding = (rule: string, severity: LintSeverity, operation?: string): LintFinding => ({
  rule, set: 'testability', severity, pointer: '/x', message: 'm', fix: 'f', ...(operation ? { operation } : {}),
});

const twoOperations = model({ operations: [op('get', '/a'), op('get', '/b')] });

describe('readinessScore', () => {
  it.each([
    { name: 'no findings', findings: [], expected: 100 },
    { name: 'one error on one of two operations', findings: [finding('r1', 'error', 'GET /a')], expected: Math.round(100 - SEVERITY_WEIGHTS.error / 2) },
    { name: 'a rule counts once per operation', findings: [finding('r1', 'warn', 'GET /a'), finding('r1', 'warn', 'GET /a'), finding('r1', 'warn', 'GET /b')], expected: 100 - SEVERITY_WEIGHTS.warn },
    { name: 'distinct rules add up', findings: [finding('r1', 'warn', 'GET /a'), finding('r2', 'info', 'GET /a')], expected: Math.round(100 - (SEVERITY_WEIGHTS.warn + SEVERITY_WEIGHTS.info) / 2) },
    { name: 'document-level findings apply to the whole score', findings: [finding('servers', 'warn')], expected: 100 - SEVERITY_WEIGHTS.warn },
    { name: 'an operation cannot lose more than 100', findings: Array.from({ length: 20 }, (_, i) => finding(`r${i}`, 'error', 'GET /a')), expected: 50 },
    { name: 'never below 0', findings: Array.from({ length: 20 }, (_, i) => finding(`d${i}`, 'error')), expected: 0 },
  ])('$name → $expected', ({ findings, expected }) => {
    expect(readinessScore(twoOperations, findings)).toBe(expected);
  });

  it('scores a description without operations by its document-level findings only', () => {
    expect(readinessScore(model({ operations: [] }), [finding('servers', 'error')])).toBe(100 - SEVERITY_WEIGHTS.error);
  });
});

describe('the README example', () => {
  it('two operations, one missing a 429 and a summary, only a plain HTTP server → 80', () => {
    const findings = [finding('owasp-429-missing', 'warn', 'GET /a'), finding('operation-summary-missing', 'warn', 'GET /a'), finding('owasp-http-server', 'error')];
    expect(readinessScore(twoOperations, findings)).toBe(80);
  });
});
