// Line numbers for JSON pointers in JSON text, in one pass and without building a tree: re-parsing a large
// description with positions (the YAML locator) costs seconds, this costs a scan. Only the pointers asked
// for (and their ancestors) are tracked; other subtrees are skipped without building their pointers.
import { escapeToken } from '../../core/json-pointer.js';
import type { LineLocator } from './lines.js';

interface Container {
  isObject: boolean;
  /** `null` when nothing below this container was asked for. */
  pointer: string | null;
  index: number;
  expectKey: boolean;
  key: string;
  keyLine: number;
}

/** Every pointer in `pointers` plus all their ancestors: the fallback in withLines climbs to them. */
export function withAncestors(pointers: Iterable<string>): Set<string> {
  const all = new Set<string>(['']);
  for (const pointer of pointers) {
    for (let end = pointer.length; end > 0 && !all.has(pointer.slice(0, end)); end = pointer.lastIndexOf('/', end - 1)) all.add(pointer.slice(0, end));
  }
  return all;
}

export function jsonLineLocator(text: string, pointers: Iterable<string>): LineLocator {
  const wanted = withAncestors(pointers);
  const lines = new Map<string, number>();
  const stack: Container[] = [];
  let line = 1;
  let i = 0;

  // Called where a value starts: records its line when wanted, and opens its container if it is one.
  const enterValue = (opensContainer: boolean, isObject: boolean): void => {
    const parent = stack[stack.length - 1];
    let pointer: string | null = null;
    if (parent === undefined) pointer = '';
    else if (parent.pointer !== null) pointer = `${parent.pointer}/${parent.isObject ? escapeToken(parent.key) : parent.index}`;
    if (pointer !== null && !wanted.has(pointer)) pointer = null;
    // A member is located at its key, as the YAML locator does.
    if (pointer !== null) lines.set(pointer, parent?.isObject ? parent.keyLine : line);
    if (opensContainer) stack.push({ isObject, pointer, index: 0, expectKey: isObject, key: '', keyLine: line });
  };

  const length = text.length;
  while (i < length) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      line += 1;
      i += 1;
    } else if (c === SPACE || c === TAB || c === RETURN || c === COLON) {
      i += 1;
    } else if (c === QUOTE) {
      const start = i;
      i = endOfString(text, i);
      const top = stack[stack.length - 1];
      if (top?.isObject && top.expectKey) {
        top.expectKey = false;
        top.keyLine = line;
        if (top.pointer !== null) top.key = JSON.parse(text.slice(start, i)) as string;
      } else {
        enterValue(false, false);
      }
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      enterValue(true, c === OPEN_BRACE);
      i += 1;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      stack.pop();
      i += 1;
    } else if (c === COMMA) {
      const top = stack[stack.length - 1];
      if (top?.isObject) top.expectKey = true;
      else if (top) top.index += 1;
      i += 1;
    } else {
      // A number, true, false or null.
      enterValue(false, false);
      while (i < length && !isScalarEnd(text.charCodeAt(i))) i += 1;
    }
  }
  return (pointer) => lines.get(pointer);
}

const [NEWLINE, SPACE, TAB, RETURN, COLON, QUOTE, COMMA] = [10, 32, 9, 13, 58, 34, 44];
const [OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET, BACKSLASH] = [123, 125, 91, 93, 92];

function isScalarEnd(c: number): boolean {
  return c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || c === SPACE || c === NEWLINE || c === TAB || c === RETURN;
}

/** The index just after the string starting at `start` (a quote preceded by an even run of backslashes ends it). */
function endOfString(text: string, start: number): number {
  let quote = text.indexOf('"', start + 1);
  while (quote !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes += 1;
    if (backslashes % 2 === 0) return quote + 1;
    quote = text.indexOf('"', quote + 1);
  }
  return text.length;
}
