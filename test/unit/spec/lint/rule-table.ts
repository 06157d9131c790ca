// Runs a table of rule cases and checks that the table covers its set with positive and negative cases.
import { describe, expect, it } from 'vitest';
import { LINT_RULES, type LintRule, type LintSet } from '../../../../src/spec/lint/index.js';
import { findingsOf, type RuleCase } from './helpers.js';

export function runRuleTable(set: LintSet, table: [LintRule, RuleCase[]][]): void {
  describe(`${set} rules`, () => {
    it('the table covers every rule of the set with a positive and a negative case', () => {
      const covered = table.filter(([, cases]) => cases.some((c) => c.expected.length > 0) && cases.some((c) => c.expected.length === 0));
      expect(covered.map(([rule]) => rule.id).sort()).toEqual(LINT_RULES.filter((rule) => rule.set === set).map((rule) => rule.id).sort());
    });

    for (const [rule, cases] of table) {
      describe(rule.id, () => {
        it.each(cases)('$name', ({ model, expected, message }) => {
          const findings = findingsOf(rule, model);
          expect(findings.map((finding) => finding.pointer)).toEqual(expected);
          for (const finding of findings) {
            expect(finding).toMatchObject({ rule: rule.id, set, severity: rule.severity });
            expect(finding.fix.length).toBeGreaterThan(10);
            if (message !== undefined) expect(finding.message).toContain(message);
            if (set === 'owasp') expect(finding.owasp).toMatch(/^API\d+:2023 /);
          }
        });
      });
    }
  });
}
