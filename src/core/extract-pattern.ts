// The `#regex:` part of `$response.header.Name#regex:<pattern>` (the form Schemathesis uses): the value is
// the first capture group of the pattern's first match in the header (the whole match without a group),
// percent-decoded. Patterns are JavaScript RegExp syntax (no flags) limited to what Python's `re` reads
// the same way, so the k6 and Locust exports extract exactly what the engine does.
// Shared by the load engine's scenarios, the run's stateful scenarios and the Locust export.
import { PatternGuard } from './safe-pattern.js';

/** Why `source` cannot be used as an extraction pattern, or undefined when it can. */
export function patternProblem(source: string): string | undefined {
  if (source === '') return 'the pattern is empty';
  try {
    new RegExp(source);
  } catch (error) {
    return (error as Error).message;
  }
  try {
    toPythonPattern(source);
  } catch (error) {
    return (error as Error).message;
  }
  return undefined;
}

// Extraction patterns come from descriptions and configs, headers from the target: searched in linear
// time (or under a time limit, see safe-pattern.ts), never on the bare backtracking engine.
const extractionGuard = new PatternGuard();

/**
 * The value a header gives: first group (or whole match), percent-decoded (kept as is when the escapes are
 * malformed). No match, a search that ran out of time, or an empty result, gives undefined: a failed extraction.
 */
export function matchPattern(text: string, pattern: RegExp): string | undefined {
  const found = extractionGuard.compile(pattern.source, pattern.flags).search(text);
  if (found.kind !== 'match') return undefined;
  const raw = found.groups.length > 1 ? found.groups[1] : found.groups[0];
  if (raw === undefined || raw === '') return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Escapes that mean the same in a JavaScript RegExp without flags and in Python's `re` (ASCII mode). */
const PORTABLE_ESCAPE = /[dDwWsSbBnrtfv0-9]/;

/**
 * The same pattern for Python's `re` (used with re.ASCII, so `\d`, `\w`, `\s`, `\b` stay ASCII as in
 * JavaScript): named groups and their back-references are spelled differently; constructs one of the
 * two reads differently (or not at all) are refused.
 */
export function toPythonPattern(source: string): string {
  let out = '';
  let inClass = false;
  let groups = 0;
  const references: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === '\\') {
      const next = source[i + 1];
      if (next === undefined) throw new Error('the pattern ends with a lone backslash');
      // Outside a class `\N` is a back-reference; JavaScript reads one to no group as an octal escape, Python refuses it.
      const reference = inClass ? null : /^[1-9][0-9]*/.exec(source.slice(i + 1));
      if (reference) {
        references.push(Number(reference[0]));
        out += `\\${reference[0]}`;
        i += reference[0].length;
        continue;
      }
      if (/[A-Za-z]/.test(next)) {
        if (next === 'x' && /^[0-9A-Fa-f]{2}$/.test(source.slice(i + 2, i + 4))) {
          out += source.slice(i, i + 4);
          i += 3;
          continue;
        }
        if (next === 'u' && /^[0-9A-Fa-f]{4}$/.test(source.slice(i + 2, i + 6))) {
          out += source.slice(i, i + 6);
          i += 5;
          continue;
        }
        const reference = /^k<([A-Za-z_][A-Za-z0-9_]*)>/.exec(source.slice(i + 1));
        if (reference && !inClass) {
          out += `(?P=${reference[1]})`;
          i += reference[0].length;
          continue;
        }
        if (!PORTABLE_ESCAPE.test(next) || (inClass && next === 'B')) throw new Error(`\\${next} is not read the same way by Python's re (k6 and Locust exports)`);
      }
      out += char + next;
      i++;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      out += char;
      continue;
    }
    if (char === '[') {
      if (source.startsWith('[]', i) || source.startsWith('[^]', i)) throw new Error(`${source.startsWith('[]', i) ? '[]' : '[^]'} is read differently by Python's re: write the class out`);
      inClass = true;
      // A `]` right after `[` or `[^` closes the class in JavaScript but not in Python: refused above.
      out += char;
      continue;
    }
    if (char === '(' && source[i + 1] !== '?') groups++;
    if (source.startsWith('(?<', i)) {
      const after = source[i + 3];
      if (after === '=' || after === '!') throw new Error('a lookbehind is not portable to Python\'s re (it needs a fixed width there)');
      const name = /^\(\?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(source.slice(i));
      if (!name) throw new Error('a group name must be letters, digits and _ (Python\'s re)');
      out += `(?P<${name[1]}>`;
      groups++;
      i += name[0].length - 1;
      continue;
    }
    out += char;
  }
  const dangling = references.find((reference) => reference > groups);
  if (dangling !== undefined) throw new Error(`\\${dangling} refers to no group (Python's re refuses it, JavaScript reads an octal escape)`);
  return out;
}

/**
 * A path template's tail as a pattern that gives `parameter`'s value from a Location (relative or absolute,
 * under any base path, with or without a trailing slash): `/users/{userId}/items/{itemId}` for `itemId`
 * gives `/users/[^/?#]+/items/([^/?#]+)/?(?:[?#]|$)`. Other parameters match any segment text.
 */
export function locationPattern(pathTemplate: string, parameter: string): string {
  let pattern = '';
  let last = 0;
  for (const match of pathTemplate.matchAll(/\{([^}]+)\}/g)) {
    pattern += escapeLiteral(pathTemplate.slice(last, match.index));
    pattern += match[1] === parameter ? '([^/?#]+)' : '[^/?#]+';
    last = match.index! + match[0].length;
  }
  return `${pattern}${escapeLiteral(pathTemplate.slice(last))}/?(?:[?#]|$)`;
}

/** Escapes the characters special to both syntaxes (`-`, `/` and the rest need none outside a class). */
function escapeLiteral(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
