// Machine-readable report: every finding, the score and counts.
import { countBySeverity } from './counts.js';
import type { LintFormatter } from './types.js';

export const formatJson: LintFormatter = (result, options) => {
  const counts = countBySeverity(result.findings);
  const report = {
    source: options.source,
    score: result.score,
    operations: options.operationCount,
    counts: { ...counts, total: result.findings.length },
    findings: result.findings,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
};
