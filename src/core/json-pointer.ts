// JSON pointers: building, splitting, and finding where an object sits.

export function escapeToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function joinPointer(base: string, ...tokens: (string | number)[]): string {
  return tokens.reduce<string>((pointer, token) => `${pointer}/${escapeToken(token)}`, base);
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
