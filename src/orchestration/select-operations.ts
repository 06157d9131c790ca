// `--include` / `--exclude`: which operations a run tests. A filter is `kind:pattern` with kind path,
// method, tag or operationId; `*` matches any run of characters; commas give alternatives
// (`method:GET,HEAD`). An operation is tested when it matches some include (or none are given) and no exclude.
import { SentinelError } from '../core/errors.js';
import type { Operation } from '../spec/model.js';

export type FilterKind = 'path' | 'method' | 'tag' | 'operationId';

export interface OperationFilter {
  kind: FilterKind;
  patterns: RegExp[];
  text: string;
}

const KINDS: Record<string, FilterKind> = { path: 'path', method: 'method', tag: 'tag', operationid: 'operationId' };

export function parseFilter(text: string, flag: '--include' | '--exclude'): OperationFilter {
  const colon = text.indexOf(':');
  const kind = colon < 0 ? undefined : KINDS[text.slice(0, colon).trim().toLowerCase()];
  const body = colon < 0 ? '' : text.slice(colon + 1).trim();
  if (kind === undefined || body === '') {
    throw new SentinelError('usage', `${flag} ${JSON.stringify(text)}: expected kind:pattern with kind path, method, tag or operationId (e.g. 'tag:pets', 'path:/pets*')`);
  }
  // Methods and tags are matched case-insensitively: `method:get` and `tag:Pets` mean what they say.
  const flags = kind === 'method' || kind === 'tag' ? 'i' : '';
  const patterns = body
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => globToRegExp(part, flags));
  return { kind, patterns, text };
}

export function globToRegExp(glob: string, flags = ''): RegExp {
  const source = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, flags);
}

export function matchesFilter(operation: Operation, filter: OperationFilter): boolean {
  const subjects: string[] =
    filter.kind === 'path' ? [operation.path]
    : filter.kind === 'method' ? [operation.method]
    : filter.kind === 'tag' ? operation.tags
    : operation.operationId === undefined ? [] : [operation.operationId];
  return subjects.some((subject) => filter.patterns.some((pattern) => pattern.test(subject)));
}

export function selectOperations(operations: Operation[], include: OperationFilter[], exclude: OperationFilter[]): Operation[] {
  return operations.filter(
    (operation) =>
      (include.length === 0 || include.some((filter) => matchesFilter(operation, filter))) && !exclude.some((filter) => matchesFilter(operation, filter)),
  );
}
