// Strings: by format, by pattern (a seeded regex-to-string generator), by field meaning, then plain
// text, always fitted to minLength/maxLength counted in code points as JSON Schema counts them.
import { generateSync } from 'json-schema-faker';
import type { Rng } from './prng.js';
import { fakerUuid, fakerWith, realisticString, realisticWord } from './realistic.js';
import type { SchemaObject } from './schema-view.js';

const FORMATS: Record<string, (rng: Rng) => string> = {
  date: (rng) => isoDate(rng).slice(0, 10),
  'date-time': (rng) => isoDate(rng),
  time: (rng) => `${pad(rng.int(0, 23))}:${pad(rng.int(0, 59))}:${pad(rng.int(0, 59))}Z`,
  email: (rng) => fakerWith(rng).internet.email().toLowerCase(),
  'idn-email': (rng) => fakerWith(rng).internet.email().toLowerCase(),
  uuid: (rng) => fakerUuid(rng),
  uri: (rng) => fakerWith(rng).internet.url(),
  'uri-reference': (rng) => `/${realisticWord(rng)}/${rng.int(1, 999)}`,
  iri: (rng) => fakerWith(rng).internet.url(),
  'iri-reference': (rng) => `/${realisticWord(rng)}`,
  'uri-template': (rng) => `https://example.com/${realisticWord(rng)}/{id}`,
  url: (rng) => fakerWith(rng).internet.url(),
  hostname: (rng) => fakerWith(rng).internet.domainName(),
  'idn-hostname': (rng) => fakerWith(rng).internet.domainName(),
  ipv4: (rng) => fakerWith(rng).internet.ipv4(),
  ipv6: (rng) => fakerWith(rng).internet.ipv6(),
  byte: (rng) => Buffer.from(realisticWord(rng)).toString('base64'),
  binary: (rng) => realisticWord(rng),
  password: (rng) => fakerWith(rng).internet.password({ length: 12 }),
  duration: (rng) => `P${rng.int(1, 30)}DT${rng.int(0, 23)}H`,
  'json-pointer': (rng) => `/${realisticWord(rng)}/${rng.int(0, 9)}`,
  'relative-json-pointer': (rng) => `${rng.int(0, 3)}/${realisticWord(rng)}`,
  regex: () => '^[a-z]+$',
};

export function formatIsKnown(format: string): boolean {
  return format in FORMATS;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function isoDate(rng: Rng): string {
  // Between 2000 and 2030, whole seconds, UTC.
  const ms = Date.UTC(2000, 0, 1) + rng.int(0, 30 * 365) * 86_400_000 + rng.int(0, 86_399) * 1000;
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

export function stringLength(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

export interface StringOptions {
  name?: string;
  asciiOnly: boolean;
}

/** The shortest values of length-sensitive formats, for schemas that bound a format's length tightly. */
const SHORT_FORMATS: Record<string, string> = {
  email: 'a@b.io',
  'idn-email': 'a@b.io',
  uri: 'http://a.io',
  url: 'http://a.io',
  iri: 'http://a.io',
  hostname: 'a.io',
  'idn-hostname': 'a.io',
  'uri-reference': '/a',
  password: 'p',
  binary: 'b',
  byte: 'YQ==',
};

/** A string for a string schema (enum/const are handled by the caller). */
export function generateString(rng: Rng, schema: SchemaObject, options: StringOptions): string {
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Math.max(min, 64);
  if (typeof schema.pattern === 'string') return fromPattern(rng, schema.pattern, min, max);
  const format = typeof schema.format === 'string' ? FORMATS[schema.format] : undefined;
  if (format !== undefined) {
    for (let attempt = 0; attempt < 3; attempt++) {
      const value = format(rng);
      if (matchesLength(value, min, max)) return value;
    }
    return SHORT_FORMATS[schema.format as string] ?? format(rng);
  }
  const base = realisticString(rng, options.name, options.asciiOnly) ?? plainText(rng);
  return fit(rng, base, min, max);
}

function plainText(rng: Rng): string {
  const words = rng.int(1, 3);
  return Array.from({ length: words }, () => realisticWord(rng)).join(rng.pick(['-', ' ', '_']));
}

/** Pads or cuts a string (by code points) to a length within [min, max]. */
export function fit(rng: Rng, value: string, min: number, max: number): string {
  const points = Array.from(value);
  if (points.length > max) return points.slice(0, max).join('');
  const filler = 'abcdefghijklmnopqrstuvwxyz';
  while (points.length < min) points.push(filler[rng.int(0, filler.length - 1)] as string);
  return points.join('');
}

// `\p{L}`-style classes are beyond the regex generator; approximate them with ASCII classes that
// belong to them, so generated strings still match the original pattern.
const UNICODE_CLASSES: [RegExp, string][] = [
  [/\\p\{(L|Letter|Alphabetic|L[lu])\}/g, 'a-zA-Z'],
  [/\\p\{(N|Nd|Number)\}/g, '0-9'],
];

function approximate(pattern: string): string {
  let out = pattern;
  for (const [from, to] of UNICODE_CLASSES) {
    out = out.replace(new RegExp(`\\[([^\\]]*)${from.source}([^\\]]*)\\]`, 'g'), `[$1${to}$3]`);
    out = out.replace(from, `[${to}]`);
  }
  return out;
}

/**
 * Pattern sources to try in turn: as written; with `+`/`*` bounded so the length bounds can be met;
 * with `\p{..}` classes approximated (for validators that read patterns in Unicode mode).
 */
function patternVariants(pattern: string, min: number, max: number): string[] {
  const variants = [pattern];
  const unbounded = pattern.match(/(?<!\\)[+*]/g)?.length ?? 0;
  if (unbounded > 0 && (min > 0 || Number.isFinite(max))) {
    const low = Math.ceil(min / unbounded);
    const high = Math.max(low, Math.floor((Number.isFinite(max) ? max : low + 16) / unbounded));
    variants.push(pattern.replace(/(?<!\\)\+\??/g, `{${Math.max(1, low)},${Math.max(1, high)}}`).replace(/(?<!\\)\*\??/g, `{${low},${high}}`));
  }
  // The validator reads `\p{..}` as a Unicode class (as RE2 and JSON Schema do), the generator as a
  // literal `p`: the approximation comes first.
  const approximated = approximate(pattern);
  if (approximated !== pattern) variants.unshift(approximated);
  return variants;
}

function matchesLength(value: string, min: number, max: number): boolean {
  const length = stringLength(value);
  return length >= min && length <= max;
}

/** A string matching `pattern`, fitted to the length bounds when the pattern leaves room. */
export function fromPattern(rng: Rng, pattern: string, min: number, max: number): string {
  let best = '';
  for (const source of patternVariants(pattern, min, max)) {
    for (let attempt = 0; attempt < 3; attempt++) {
      let candidate: string;
      try {
        candidate = String(generateSync({ type: 'string', pattern: source }, { seed: rng.seed() }));
      } catch {
        break;
      }
      if (matchesLength(candidate, min, max)) return candidate;
      best = candidate;
      // Without an end anchor, anything may follow a match: repeat it up to the minimum length.
      if (stringLength(candidate) < min && candidate !== '' && !/(?<!\\)\$$/.test(pattern)) {
        const padded = fit(rng, candidate.repeat(Math.ceil(min / stringLength(candidate))), min, min);
        if (matchesLength(padded, min, max)) return padded;
      }
    }
  }
  return best;
}
