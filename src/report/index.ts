// Every report format as one pure function over a run result and, for the formats that show every
// exchange (ndjson, har, the html coverage matrix), the run's event stream.
import type { RunEvent } from '../core/events.js';
import type { RunResult } from '../core/run-result.js';
import { writeHar } from './har.js';
import { writeHtml } from './html/index.js';
import { writeJson } from './json.js';
import { writeJunit } from './junit.js';
import { writeMarkdown } from './markdown.js';
import { writeNdjson } from './ndjson.js';
import { writeSarif } from './sarif.js';

export type ReportFormat = 'json' | 'junit' | 'sarif' | 'markdown' | 'html' | 'ndjson' | 'har';

export const REPORT_FORMATS: readonly ReportFormat[] = ['json', 'junit', 'sarif', 'markdown', 'html', 'ndjson', 'har'];

/** Formats that need the event stream, not only the result: the CLI keeps the events only for them. */
export const EVENT_FORMATS: ReadonlySet<ReportFormat> = new Set(['html', 'ndjson', 'har']);

export const writers: Record<ReportFormat, (result: RunResult, events?: readonly RunEvent[]) => string> = {
  json: writeJson,
  junit: writeJunit,
  sarif: writeSarif,
  markdown: writeMarkdown,
  html: writeHtml,
  ndjson: writeNdjson,
  har: writeHar,
};

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}
