// Output formats of `sentinel lint`: pure functions, one per format, in one table.
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatText } from './text.js';
import type { LintFormat, LintFormatter } from './types.js';

export const LINT_FORMATTERS: Record<LintFormat, LintFormatter> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
};

export type { FormatOptions, LintFormat, LintFormatter } from './types.js';
