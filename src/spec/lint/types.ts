// The linter's vocabulary: rules declare where they apply and return data; the engine turns that data
// into findings with absolute JSON pointers.
import type { ApiModel, Operation, Parameter } from '../model.js';

export type LintSet = 'testability' | 'owasp';
export type LintSeverity = 'error' | 'warn' | 'info';

export const LINT_SEVERITIES: readonly LintSeverity[] = ['error', 'warn', 'info'];

/** Higher is worse; used for `--fail-on` and sorting. */
export function lintSeverityRank(severity: LintSeverity): number {
  return LINT_SEVERITIES.length - LINT_SEVERITIES.indexOf(severity);
}

/** OWASP API Security Top 10 (2023) categories the static rules map to. */
export type OwaspCategory =
  | 'API1:2023 Broken Object Level Authorization'
  | 'API2:2023 Broken Authentication'
  | 'API3:2023 Broken Object Property Level Authorization'
  | 'API4:2023 Unrestricted Resource Consumption'
  | 'API5:2023 Broken Function Level Authorization'
  | 'API7:2023 Server Side Request Forgery'
  | 'API8:2023 Security Misconfiguration'
  | 'API9:2023 Improper Inventory Management';

export interface LintFinding {
  /** Stable kebab-case rule id, e.g. `owasp-api-key-in-query`. */
  rule: string;
  set: LintSet;
  severity: LintSeverity;
  /** JSON pointer into the source document. */
  pointer: string;
  /** 1-based line of the pointer (or of its nearest ancestor in the text), when the CLI could locate it. */
  line?: number;
  message: string;
  /** How to fix it. */
  fix: string;
  /** `"METHOD /path"` when the finding belongs to one operation (used by the score). */
  operation?: string;
  owasp?: OwaspCategory;
}

export interface LintResult {
  findings: LintFinding[];
  /** Readiness score 0–100 (see score.ts and the README). */
  score: number;
}

/** What a rule's function returns: the engine adds id, set, severity and the default fix. */
export interface RuleIssue {
  /** Absolute for document/operation/parameter rules; relative to the schema node for schema rules. */
  pointer: string;
  message: string;
  fix?: string;
  /** Attributes a document-level issue to an operation. */
  operation?: string;
}

export type SchemaObject = { [keyword: string]: unknown };

/** Where a schema node sits, as far as rules need to know (kept small so walks can be memoized). */
export interface SchemaNodeContext {
  /** The node is a branch of allOf/anyOf/oneOf, so its own keywords are only part of the constraint. */
  composed: boolean;
}

interface RuleMeta {
  id: string;
  set: LintSet;
  severity: LintSeverity;
  /** One sentence: what the rule looks for (SARIF `shortDescription`, text headers). */
  description: string;
  /** Default "how to fix". */
  fix: string;
  owasp?: OwaspCategory;
}

export interface DocumentRule extends RuleMeta {
  given: 'document';
  check(model: ApiModel): RuleIssue[];
}

export interface OperationRule extends RuleMeta {
  given: 'operation';
  check(operation: Operation, model: ApiModel): RuleIssue[];
}

export interface ParameterRule extends RuleMeta {
  given: 'parameter';
  check(parameter: Parameter, operation: Operation, model: ApiModel): RuleIssue[];
}

/**
 * Runs on every node of the schemas in scope: `input` = parameters and request bodies (read-only
 * properties skipped), `any` = inputs and responses. Must depend only on the node and its context:
 * results are memoized per schema object.
 */
export interface SchemaRule extends RuleMeta {
  given: 'schema';
  scope: 'input' | 'any';
  check(schema: SchemaObject, context: SchemaNodeContext): RuleIssue[];
}

export type LintRule = DocumentRule | OperationRule | ParameterRule | SchemaRule;
