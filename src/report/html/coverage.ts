// The coverage matrix: for each operation, how many responses of each status code the run saw (and how
// many requests got none), from the exchange events. Operations judged but never answered still get a row.
import type { RunEvent } from '../../core/events.js';
import type { RunResult } from '../../core/run-result.js';

export interface CoverageMatrix {
  /** Status codes seen, ascending, then `none` when a request got no response. */
  columns: string[];
  rows: { operation: string; counts: Record<string, number> }[];
}

export const NO_RESPONSE = 'none';

export function coverageMatrix(result: RunResult, events: readonly RunEvent[]): CoverageMatrix {
  const byOperation = new Map<string, Record<string, number>>();
  for (const operation of Object.keys(result.summary.checksRun ?? {})) byOperation.set(operation, {});
  const columns = new Set<string>();
  for (const event of events) {
    if (event.type !== 'exchange') continue;
    const column = event.exchange.response ? String(event.exchange.response.status) : NO_RESPONSE;
    columns.add(column);
    const counts = byOperation.get(event.operation) ?? {};
    counts[column] = (counts[column] ?? 0) + 1;
    byOperation.set(event.operation, counts);
  }
  const ordered = [...columns].filter((c) => c !== NO_RESPONSE).sort((a, b) => Number(a) - Number(b));
  if (columns.has(NO_RESPONSE)) ordered.push(NO_RESPONSE);
  const rows = [...byOperation]
    .sort(([a], [b]) => byPath(a, b))
    .map(([operation, counts]) => ({ operation, counts }));
  return { columns: ordered, rows };
}

/** By path, then method, so an operation's methods sit together. */
function byPath(a: string, b: string): number {
  const [methodA = '', pathA = ''] = a.split(' ');
  const [methodB = '', pathB = ''] = b.split(' ');
  return pathA < pathB ? -1 : pathA > pathB ? 1 : methodA < methodB ? -1 : methodA > methodB ? 1 : 0;
}
