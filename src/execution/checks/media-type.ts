// Media type comparison as HTTP sees it: parameters ignored, case-insensitive, wildcards and
// structured-syntax suffixes (`application/problem+json` is JSON) understood.

export interface ParsedMediaType {
  type: string;
  subtype: string;
  /** The structured-syntax suffix: `json` for `application/vnd.api+json`. */
  suffix?: string;
}

/** Parses `type/subtype; params`; undefined when the value is not a media type. */
export function parseMediaType(value: string): ParsedMediaType | undefined {
  const essence = value.split(';')[0]!.trim().toLowerCase();
  const match = /^([a-z0-9!#$&^_.+*-]+)\/([a-z0-9!#$&^_.+*-]+)$/.exec(essence);
  if (!match) return undefined;
  const [, type, subtype] = match as unknown as [string, string, string];
  const plus = subtype.lastIndexOf('+');
  return plus > 0 ? { type, subtype, suffix: subtype.slice(plus + 1) } : { type, subtype };
}

/**
 * Whether a received content type is one the documented media type allows. `*\/*`, `application/*` and
 * `application/*+json` are wildcards. A JSON family member also matches plain JSON either way round
 * (`application/json` documented, `application/problem+json` sent, or the reverse), since clients parse
 * both the same; two different vendor types do not match.
 */
export function mediaTypeMatches(documented: string, received: string): boolean {
  const doc = parseMediaType(documented);
  const got = parseMediaType(received);
  if (!doc || !got) return false;
  if (doc.type !== '*' && doc.type !== got.type) return false;
  if (doc.subtype === '*' || doc.subtype === got.subtype) return true;
  if (doc.subtype.startsWith('*+')) return got.suffix === doc.subtype.slice(2);
  return isJsonFamilyPair(doc, got);
}

function isJsonFamilyPair(a: ParsedMediaType, b: ParsedMediaType): boolean {
  const aJson = a.subtype === 'json' || a.suffix === 'json';
  const bJson = b.subtype === 'json' || b.suffix === 'json';
  return aJson && bJson && (a.subtype === 'json' || b.subtype === 'json');
}

export function isJsonMediaType(value: string): boolean {
  const parsed = parseMediaType(value);
  return parsed !== undefined && (parsed.subtype === 'json' || parsed.suffix === 'json');
}
