// JSON pointers: building, splitting, and finding where an object sits.

export function escapeToken(token: string | number): string {
  const text = String(token);
  // Most tokens need no escaping; skip the regexes for them (the linter runs this for every schema property).
  if (!text.includes('~') && !text.includes('/')) return text;
  return text.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function joinPointer(base: string, ...tokens: (string | number)[]): string {
  let pointer = base;
  for (const token of tokens) pointer += `/${escapeToken(token)}`;
  return pointer;
}

export function splitPointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return pointer === '/' ? [''] : [];
  return pointer.replace(/^\//, '').split('/').map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Pointer of `target` inside `root` (by identity), breadth-first; cycles are skipped. Error paths only. */
export function findObject(root: unknown, target: object): string | undefined {
  const seen = new Set<object>();
  const queue: [unknown, string][] = [[root, '']];
  for (let i = 0; i < queue.length; i++) {
    const [value, pointer] = queue[i]!;
    if (value === target) return pointer;
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    for (const [key, child] of Object.entries(value)) queue.push([child, joinPointer(pointer, key)]);
  }
  return undefined;
}
