// Values a description writes as data (enum, const, default, examples) are sent to the target or printed
// as they are. A `$ref` there to another document would put whatever it names (`file:///etc/passwd`) into
// traffic, so one is refused. One inside the document (`#/...`, as GitHub's description has in example
// values) reads nothing new: it is kept as the data it is written as, never resolved.

/** Keys under which names are chosen by the author: `default` or `enum` there is a name, not a keyword. */
const NAME_MAPS = new Set([
  'properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'schemas', 'parameters', 'responses',
  'requestBodies', 'headers', 'securitySchemes', 'links', 'callbacks', 'content', 'paths', 'encoding', 'variables',
  'mapping', 'pathItems', 'webhooks', 'securityDefinitions', 'scopes', 'examples',
]);

const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'example']);

/**
 * Whether the value under `key` is data: a data keyword of an object that is not a map of names, a JSON
 * Schema `examples` array, or the `value` of an Example Object (inside an `examples` map).
 */
export function isDataValue(key: string | number, value: unknown, under: string | number | undefined, above: string | number | undefined): boolean {
  if (typeof key !== 'string' || (under !== undefined && NAME_MAPS.has(String(under)))) return false;
  if (DATA_KEYWORDS.has(key)) return true;
  if (key === 'examples') return Array.isArray(value);
  return key === 'value' && above === 'examples';
}

/** The first object inside `value` (itself included) holding a `$ref` to another document, found iteratively. */
export function refInData(value: unknown): (Record<string, unknown> & { $ref: string }) | undefined {
  const seen = new Set<object>();
  const stack = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    const ref = Array.isArray(node) ? undefined : (node as Record<string, unknown>).$ref;
    if (typeof ref === 'string' && !ref.startsWith('#')) return node as Record<string, unknown> & { $ref: string };
    for (const child of Object.values(node)) stack.push(child);
  }
  return undefined;
}

/** The one-line reason for a `$ref` found in data. */
export function dataRefRefused(key: string | number, ref: string): string {
  const what = key === 'value' || key === 'examples' ? 'an example' : key === 'enum' || key === 'example' ? `an ${key}` : `a ${String(key)}`;
  return `$ref inside ${what} value refused: "${ref}" (values are sent as written; a $ref there would put a document's text into requests)`;
}
