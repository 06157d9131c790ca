// Text to a plain JSON value: JSON or YAML (safely: core schema, no custom tags, bounded aliases and depth).
import { parseDocument } from 'yaml';
import { SpecError } from '../core/errors.js';
import type { LoadLimits } from './limits.js';

type ParseLimits = Pick<LoadLimits, 'maxDepth' | 'maxAliases'>;

/** Parses one document; JSON when it starts with `{` or `[` (unless named .yaml/.yml), YAML otherwise. */
export function parseText(text: string, file: string, limits: ParseLimits): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new SpecError(file, 'empty document');
  const first = body.trimStart()[0];
  // A .yaml file may still be written in flow style (`{openapi: 3.1.0, ...}`), which is not JSON.
  const json = (first === '{' || first === '[') && !/\.ya?ml$/i.test(file);
  return json ? parseJson(body, file, limits.maxDepth) : parseYaml(body, file, limits);
}

function parseJson(text: string, file: string, maxDepth: number): unknown {
  // Checked on the text, before JSON.parse builds a million nested arrays.
  const tooDeep = jsonDepthExceeded(text, maxDepth);
  if (tooDeep !== -1) throw new SpecError(file, `nesting deeper than ${maxDepth} levels`, undefined, lineAt(text, tooDeep));
  try {
    return JSON.parse(text);
  } catch (error) {
    throw jsonFailure((error as Error).message, text, file);
  }
}

/** One line from V8's JSON.parse message, with the line of the error where it can be found. */
function jsonFailure(message: string, text: string, file: string): SpecError {
  const position = /at position (\d+)/.exec(message);
  // Some messages quote the text around the error instead of a position: find that snippet.
  const quoted = /, (\.\.\.)?"(.*?)"(?:\.\.\.)? is not valid JSON$/s.exec(message);
  const snippet = quoted?.[2];
  // V8 quotes ten characters either side of the error after "..." (or the whole text when it is short).
  const at = snippet ? text.indexOf(snippet) : -1;
  const found = at === -1 ? -1 : at + (quoted?.[1] ? 10 : 0);
  const offset = position ? Number(position[1]) : found !== -1 ? found : text.length;
  // Errors at the very end of the text mean the document stops early.
  const truncated = /Unexpected end|Unterminated/.test(message) || (position !== null && offset >= text.trimEnd().length);
  const detail = message.replace(/ (in JSON )?at position \d+.*$/s, '').replace(/,\s*(\.\.\.)?".*$/s, '');
  const reason = truncated ? 'invalid JSON: unexpected end of input (truncated?)' : `invalid JSON: ${detail}`;
  return new SpecError(file, reason, undefined, position || truncated || found !== -1 ? lineAt(text, offset) : undefined);
}

/** Offset of the first bracket past `maxDepth`, or -1. Skips strings so `"{"` does not count. */
function jsonDepthExceeded(text: string, maxDepth: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return -1;
}

function parseYaml(text: string, file: string, limits: ParseLimits): unknown {
  let doc;
  try {
    doc = parseDocument(text, { schema: 'core', resolveKnownTags: false, merge: true, uniqueKeys: true, prettyErrors: true, strict: true });
  } catch (error) {
    throw yamlFailure(error, file);
  }
  const problem = doc.errors[0];
  if (problem && /call stack/i.test(problem.message)) throw new SpecError(file, 'nesting too deep for the YAML parser');
  if (problem) throw new SpecError(file, `invalid YAML: ${firstLine(problem.message)}`, undefined, problem.linePos?.[0]?.line);
  const tag = doc.warnings.find((warning) => /tag/i.test(warning.message));
  if (tag) throw new SpecError(file, `YAML tags are not allowed: ${firstLine(tag.message)}`, undefined, tag.linePos?.[0]?.line);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: limits.maxAliases });
  } catch (error) {
    throw yamlFailure(error, file);
  }
  checkDepth(value, file, limits.maxDepth);
  return value;
}

function yamlFailure(error: unknown, file: string): SpecError {
  const message = (error as Error)?.message ?? String(error);
  if (error instanceof RangeError || /call stack/i.test(message)) return new SpecError(file, 'invalid YAML: nesting too deep');
  if (/alias/i.test(message)) return new SpecError(file, `YAML refused: too many aliases (a "billion laughs" document?): ${firstLine(message)}`);
  const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
  return new SpecError(file, `invalid YAML: ${firstLine(message)}`, undefined, line);
}

/**
 * Iterative depth-first walk (the value may be deep enough to overflow a recursive one). YAML anchors can
 * share values (visited once) or make them circular, which no description means: refused.
 */
function checkDepth(root: unknown, file: string, maxDepth: number): void {
  const done = new Set<object>();
  const open = new Set<object>();
  const stack: { value: object; depth: number; leaving: boolean }[] = [];
  if (root !== null && typeof root === 'object') stack.push({ value: root, depth: 0, leaving: false });
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.leaving) {
      open.delete(frame.value);
      done.add(frame.value);
      continue;
    }
    if (done.has(frame.value)) continue;
    if (frame.depth >= maxDepth) throw new SpecError(file, `nesting deeper than ${maxDepth} levels`);
    open.add(frame.value);
    stack.push({ ...frame, leaving: true });
    for (const child of Object.values(frame.value)) {
      if (child === null || typeof child !== 'object') continue;
      if (open.has(child)) throw new SpecError(file, 'invalid YAML: an alias refers to a value that contains it (circular data)');
      stack.push({ value: child, depth: frame.depth + 1, leaving: false });
    }
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
