// Every list answers `{items, total, page, limit}`; `limit` is at most 200.

export const DEFAULT_PAGE_LIMIT = 50;
export const MAX_PAGE_LIMIT = 200;

export interface PageRequest {
  /** 1-based. */
  page?: number;
  limit?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}

export interface PageWindow {
  page: number;
  limit: number;
  offset: number;
}

/** Clamps to sane values (the gateway validates and answers 400 before this). */
export function pageWindow(request: PageRequest = {}): PageWindow {
  const page = Math.max(1, Math.floor(request.page ?? 1) || 1);
  const limit = Math.min(MAX_PAGE_LIMIT, Math.max(1, Math.floor(request.limit ?? DEFAULT_PAGE_LIMIT) || DEFAULT_PAGE_LIMIT));
  return { page, limit, offset: (page - 1) * limit };
}

/** `count(*)` arrives as a string (bigint) from node-postgres. */
export function toCount(value: string | number | bigint | null | undefined): number {
  return value === null || value === undefined ? 0 : Number(value);
}

/** A `q` search term as a LIKE pattern: its own `%`, `_` and `\` match themselves. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
