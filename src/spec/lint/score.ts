// The readiness score: how ready a description is for automated (and LLM-driven) testing, 0–100.
// Each operation starts at 100 and loses a weight per distinct rule that fired on it (a rule counts once
// per operation however many places it flags); the score is the mean over operations, minus the weights
// of distinct document-level rules (servers, security schemes...). Documented in README "Readiness score".
import type { ApiModel } from '../model.js';
import type { LintFinding, LintSeverity } from './types.js';

export const SEVERITY_WEIGHTS: Record<LintSeverity, number> = { error: 15, warn: 5, info: 1 };

function penaltyOf(findings: Iterable<LintFinding>): number {
  const weightByRule = new Map<string, number>();
  for (const finding of findings) weightByRule.set(finding.rule, SEVERITY_WEIGHTS[finding.severity]);
  let penalty = 0;
  for (const weight of weightByRule.values()) penalty += weight;
  return penalty;
}

export function readinessScore(model: ApiModel, findings: readonly LintFinding[]): number {
  const byOperation = new Map<string, LintFinding[]>();
  const documentLevel: LintFinding[] = [];
  for (const finding of findings) {
    if (finding.operation === undefined) {
      documentLevel.push(finding);
      continue;
    }
    const list = byOperation.get(finding.operation);
    if (list === undefined) byOperation.set(finding.operation, [finding]);
    else list.push(finding);
  }
  let operationsTotal = 0;
  for (const operation of model.operations) {
    operationsTotal += 100 - Math.min(100, penaltyOf(byOperation.get(operation.key) ?? []));
  }
  const operationsMean = model.operations.length === 0 ? 100 : operationsTotal / model.operations.length;
  return Math.max(0, Math.round(operationsMean - penaltyOf(documentLevel)));
}
