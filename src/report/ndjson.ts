// The event stream as newline-delimited JSON, one event a line, in the order the engine emitted them.
// Exchange and finding events are redacted where execution made them; the last line is the run's
// result as reported (with its baseline comparison when there was one).
import type { RunEvent } from '../core/events.js';
import type { RunResult } from '../core/run-result.js';

export function writeNdjson(result: RunResult, events: readonly RunEvent[] = []): string {
  const lines = events.filter((event) => event.type !== 'run.finished').map((event) => JSON.stringify(event));
  const finished: RunEvent = { type: 'run.finished', result };
  lines.push(JSON.stringify(finished));
  return `${lines.join('\n')}\n`;
}
