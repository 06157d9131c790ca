// The Spec-Linter: testability (LLM-readiness) and OWASP API Top 10 (2023) rules over the normalized model.
export { lintModel } from './engine.js';
export { LINT_RULES } from './rules/index.js';
export { locateFindings, withLines, type LineLocator } from './lines.js';
export { readinessScore, SEVERITY_WEIGHTS } from './score.js';
export type { LintFinding, LintResult, LintRule, LintSet, LintSeverity, OwaspCategory } from './types.js';
export { LINT_SEVERITIES, lintSeverityRank } from './types.js';
