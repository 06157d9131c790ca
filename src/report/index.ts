// Every report format as one pure function over a run result.
import type { RunResult } from '../core/run-result.js';
import { writeJson } from './json.js';
import { writeJunit } from './junit.js';
import { writeMarkdown } from './markdown.js';
import { writeSarif } from './sarif.js';

export type ReportFormat = 'json' | 'junit' | 'sarif' | 'markdown';

export const REPORT_FORMATS: readonly ReportFormat[] = ['json', 'junit', 'sarif', 'markdown'];

export const writers: Record<ReportFormat, (result: RunResult) => string> = {
  json: writeJson,
  junit: writeJunit,
  sarif: writeSarif,
  markdown: writeMarkdown,
};

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}
