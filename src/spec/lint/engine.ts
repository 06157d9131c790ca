// Runs every rule over the model in one pass: document rules once, operation and parameter rules per
// operation, schema rules through the memoized walker on every parameter, body and response schema.
import type { ApiModel, JsonSchema, Operation } from '../model.js';
import { headerSchemaPointer, mediaSchemaPointer, parameterSchemaPointer } from './pointer.js';
import { LINT_RULES } from './rules/index.js';
import { SchemaWalker, type SchemaScope } from './run-schema-rules.js';
import { readinessScore } from './score.js';
import type { DocumentRule, LintFinding, LintResult, LintRule, OperationRule, ParameterRule, RuleIssue, SchemaRule } from './types.js';

function toFinding(rule: LintRule, issue: RuleIssue, operation: string | undefined): LintFinding {
  const finding: LintFinding = {
    rule: rule.id,
    set: rule.set,
    severity: rule.severity,
    pointer: issue.pointer,
    message: issue.message,
    fix: issue.fix ?? rule.fix,
  };
  const owner = issue.operation ?? operation;
  if (owner !== undefined) finding.operation = owner;
  if (rule.owasp !== undefined) finding.owasp = rule.owasp;
  return finding;
}

/** Shared components (a `$ref`'d parameter) can produce the same finding from many operations. */
function dedupe(findings: LintFinding[]): LintFinding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.rule}\u0000${finding.pointer}\u0000${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function lintModel(model: ApiModel, rules: readonly LintRule[] = LINT_RULES): LintResult {
  const documentRules = rules.filter((rule): rule is DocumentRule => rule.given === 'document');
  const operationRules = rules.filter((rule): rule is OperationRule => rule.given === 'operation');
  const parameterRules = rules.filter((rule): rule is ParameterRule => rule.given === 'parameter');
  const walker = new SchemaWalker(rules.filter((rule): rule is SchemaRule => rule.given === 'schema'));
  const findings: LintFinding[] = [];

  for (const rule of documentRules) {
    for (const issue of rule.check(model)) findings.push(toFinding(rule, issue, undefined));
  }

  const lintSchema = (schema: JsonSchema, pointer: string, scope: SchemaScope, operation: Operation) => {
    for (const issue of walker.issues(schema, scope)) {
      findings.push(toFinding(issue.rule, { pointer: pointer + issue.pointer, message: issue.message, fix: issue.fix }, operation.key));
    }
  };

  for (const operation of model.operations) {
    for (const rule of operationRules) {
      for (const issue of rule.check(operation, model)) findings.push(toFinding(rule, issue, operation.key));
    }
    for (const parameter of operation.parameters) {
      // The loader adds a placeholder (pointing at the operation) for an undeclared `{name}`; that is
      // reported by path-parameter-undeclared, and its made-up schema is not the author's to fix.
      if (parameter.pointer === operation.pointer) continue;
      for (const rule of parameterRules) {
        for (const issue of rule.check(parameter, operation, model)) findings.push(toFinding(rule, issue, operation.key));
      }
      lintSchema(parameter.schema, parameterSchemaPointer(model, parameter), 'input', operation);
    }
    const body = operation.requestBody;
    if (body !== undefined) {
      for (const content of body.content) lintSchema(content.schema, mediaSchemaPointer(model, body.pointer, content), 'input', operation);
    }
    for (const response of operation.responses) {
      for (const content of response.content) lintSchema(content.schema, mediaSchemaPointer(model, response.pointer, content), 'output', operation);
      for (const [name, header] of Object.entries(response.headers)) {
        lintSchema(header.schema, headerSchemaPointer(model, response.pointer, name), 'output', operation);
      }
    }
  }

  // The score sees every occurrence (a shared parameter counts against each operation using it).
  return { findings: dedupe(findings), score: readinessScore(model, findings) };
}
