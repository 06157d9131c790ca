import type { LintResult, LintRule } from '../types.js';

export type LintFormat = 'text' | 'json' | 'sarif';

export interface FormatOptions {
  /** The description as the user named it (a path, a URL or `-`). */
  source: string;
  /** The description as a SARIF artifact URI (relative path with `/`, or an absolute URL). */
  artifactUri: string;
  operationCount: number;
  rules: readonly LintRule[];
  toolVersion: string;
}

export type LintFormatter = (result: LintResult, options: FormatOptions) => string;
