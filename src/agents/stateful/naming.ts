// Names as APIs write them: `items` ↔ `item`, `itemId` ↔ `item_id` ↔ `ItemID`. Matching compares
// normalized names (lower case, letters and digits only).

export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** English plural → singular, good enough for resource collections (`categories`, `boxes`, `users`). */
export function singular(word: string): string {
  if (/ies$/i.test(word) && word.length > 3) return `${word.slice(0, -3)}y`;
  if (/(ss|sh|ch|x|z)es$/i.test(word)) return word.slice(0, -2);
  if (/s$/i.test(word) && !/ss$/i.test(word) && word.length > 1) return word.slice(0, -1);
  return word;
}

/** Identifier-like names a path parameter of resource `resource` can be fed from. */
export function identifierMatches(parameter: string, field: string, resource: string): boolean {
  const p = normalizeName(parameter);
  const f = normalizeName(field);
  const r = normalizeName(singular(resource));
  if (p === f) return true;
  if (f === 'id' && (p === `${r}id` || p === 'id')) return true;
  if (p === 'id' && f === `${r}id`) return true;
  return false;
}

/** `itemId`, `item_id`, `itemID` → `item`; anything else → undefined. */
export function referencedResource(field: string): string | undefined {
  const match = /^(.+?)[_-]?id$/i.exec(field);
  if (!match || normalizeName(match[1]!) === '') return undefined;
  return normalizeName(match[1]!);
}

/** A variable name for scenario placeholders: letters, digits and underscores. */
export function variableName(...parts: string[]): string {
  return parts
    .map((part) => part.replace(/[^A-Za-z0-9]+/g, '_'))
    .join('_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
}

/** `an order`, `a user`: titles read as sentences. */
export function withArticle(noun: string): string {
  return `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
}
