// Human-readable report: findings grouped by rule (worst first), a few locations each, then the score.
import type { LintFinding, LintRule } from '../types.js';
import { lintSeverityRank } from '../types.js';
import { countBySeverity } from './counts.js';
import type { LintFormatter } from './types.js';

/** Locations listed per rule; the JSON and SARIF formats always list all of them. */
export const TEXT_LOCATIONS_PER_RULE = 10;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export const formatText: LintFormatter = (result, options) => {
  const byRule = new Map<string, LintFinding[]>();
  for (const finding of result.findings) {
    const list = byRule.get(finding.rule);
    if (list === undefined) byRule.set(finding.rule, [finding]);
    else list.push(finding);
  }
  const ruleOrder = new Map(options.rules.map((rule, index) => [rule.id, index]));
  const ruleById = new Map<string, LintRule>(options.rules.map((rule) => [rule.id, rule]));
  const groups = [...byRule.values()].sort((a, b) =>
    lintSeverityRank(b[0]!.severity) - lintSeverityRank(a[0]!.severity) || (ruleOrder.get(a[0]!.rule) ?? 0) - (ruleOrder.get(b[0]!.rule) ?? 0));

  const lines: string[] = [`sentinel lint ${options.source}: ${plural(options.operationCount, 'operation')}, ${plural(options.rules.length, 'rule')}`, ''];
  for (const group of groups) {
    const first = group[0]!;
    const rule = ruleById.get(first.rule);
    const category = first.owasp === undefined ? first.set : `${first.set}, ${first.owasp}`;
    lines.push(`${first.severity.toUpperCase().padEnd(5)} ${first.rule} (${category}): ${plural(group.length, 'finding')}`);
    if (rule !== undefined) lines.push(`      ${rule.description}`);
    for (const finding of group.slice(0, TEXT_LOCATIONS_PER_RULE)) lines.push(`      ${finding.pointer || '/'}${finding.line === undefined ? '' : ` (line ${finding.line})`}  ${finding.message}`);
    if (group.length > TEXT_LOCATIONS_PER_RULE) lines.push(`      ... and ${group.length - TEXT_LOCATIONS_PER_RULE} more (--format json lists all)`);
    lines.push(`      fix: ${first.fix}`, '');
  }
  if (groups.length === 0) lines.push('No findings.', '');
  const counts = countBySeverity(result.findings);
  lines.push(`Readiness score: ${result.score}/100 (${plural(counts.error, 'error')}, ${plural(counts.warn, 'warning')}, ${counts.info} info)`);
  return `${lines.join('\n')}\n`;
};
