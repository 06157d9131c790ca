// JSON pointers: building them from path tokens and finding where a `$ref` sits.

export function escapeToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function joinPointer(base: string, ...tokens: (string | number)[]): string {
  return tokens.reduce<string>((pointer, token) => `${pointer}/${escapeToken(token)}`, base);
}

/** Pointer of the first `{ "$ref": ... }` whose value matches, searching breadth-first; cycles are skipped. */
export function findRef(root: unknown, matches: (ref: string) => boolean): string | undefined {
  const seen = new Set<object>();
  const queue: [unknown, string][] = [[root, '']];
  for (let i = 0; i < queue.length; i++) {
    const [value, pointer] = queue[i]!;
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    const ref = (value as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && matches(ref)) return pointer;
    for (const [key, child] of Object.entries(value)) queue.push([child, joinPointer(pointer, key)]);
  }
  return undefined;
}
