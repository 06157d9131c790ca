// How deeply a JSON text nests, found by one linear scan before anything parses it. A target can answer
// 150,000 nested arrays in 300 KB: parsing that is quick, but every later walk of the value (schema
// validation, redaction, evidence) recurses once per level, overflows the stack and is retried per check,
// which took 35 s and 1.8 GB. Real API answers nest a few dozen levels at most.

/** Deeper answers are kept as text and not parsed; the checks that need the value skip them. */
export const MAX_JSON_DEPTH = 256;

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** True when brackets outside strings nest deeper than `max` (malformed text is judged the same way). */
export function nestsDeeperThan(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === BACKSLASH) index++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      if (++depth > max) return true;
    } else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      depth--;
    }
  }
  return false;
}
