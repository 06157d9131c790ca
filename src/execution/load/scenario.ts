// Stateful scenarios in the load mix, the pure part: each step is compiled once (where its markers are,
// what its answer must give), so sending a step costs a few string joins, and a step without markers
// costs nothing more than a plain request. Runtime expressions are the OpenAPI ones:
// `$response.body#/json/pointer` and `$response.header.Name`, plus `$response.header.Name#regex:<pattern>`
// (see execution/extract-pattern.ts). The reserved value `unique` needs no extraction (see UNIQUE_VALUE).
import { SentinelError } from '../../core/errors.js';
import { matchPattern, patternProblem } from '../../core/extract-pattern.js';
import { resolvePointer } from '../scenario-vars.js';
import { toDispatchable, type CaptureSpec, type Captured, type DispatchableRequest } from './load-client.js';
import { SCENARIO_MARKER, UNIQUE_VALUE, type MixEntry } from './types.js';

/** Beyond this, a body an extraction needs is not kept and the extraction fails (a load run must not hoard memory). */
export const MAX_CAPTURED_BODY_BYTES = 1024 * 1024;

type Encoder = (value: unknown) => string;
/** A run of text with holes: literal, hole, literal, ... rendered by joining. */
type Part = string | { name: string; encode: Encoder };

interface Extractor {
  name: string;
  /** `body`: a JSON pointer ('' = the whole document); `header`: a lower-cased header name. */
  from: 'body' | 'header';
  path: string;
  /** `header` only: the value is what this pattern gives (see matchPattern), not the whole header. */
  pattern?: RegExp;
}

/** A parsed extract expression: where the value is read (see Extractor). */
export type ExtractSource = Omit<Extractor, 'name'>;

export interface CompiledStep {
  operation: string;
  /** Sent as is when the step has no markers. */
  request: DispatchableRequest;
  /** Set only for a step with markers: the parts of its request that change per iteration. */
  templates?: { path?: Part[]; headers?: [string, Part[]][]; body?: Part[] };
  extractors?: Extractor[];
  /** What the client must keep of the answer; undefined: the plain, zero-copy path. */
  capture?: CaptureSpec;
}

export interface CompiledScenario {
  /** The mix entry's operation: `scenario <name>`. */
  name: string;
  steps: CompiledStep[];
  /** Some step uses the reserved `unique` value: each iteration draws a new one. */
  usesUnique: boolean;
}

export function isScenarioEntry(entry: MixEntry): entry is MixEntry & { scenario: NonNullable<MixEntry['scenario']> } {
  return entry.scenario !== undefined && entry.scenario.length > 0;
}

/** Checks a scenario entry and compiles it; a bad expression or a value used before it is extracted is a one-line error. */
export function compileScenario(entry: MixEntry & { scenario: NonNullable<MixEntry['scenario']> }): CompiledScenario {
  const known = new Set<string>([UNIQUE_VALUE]);
  let usesUnique = false;
  const steps = entry.scenario.map((step, index): CompiledStep => {
    const where = `scenario "${entry.operation}" step ${index + 1} (${step.operation})`;
    const request = toDispatchable({ ...step.request, operation: step.operation });
    // URL parsing lower-cases the host, markers included.
    if (/__sentinel_[a-z0-9]+__/i.test(request.origin)) throw new SentinelError('config', `${where}: a value can go in the path, query, headers or body, not in the host: ${request.origin}`);
    const used = [
      ...markerNames(String(request.options.path)),
      ...Object.values(step.request.headers).flatMap(markerNames),
      ...markerNames(step.request.body ?? ''),
    ];
    for (const name of used) {
      if (name === UNIQUE_VALUE) usesUnique = true;
      if (!known.has(name)) throw new SentinelError('config', `${where}: uses ${name}, which no earlier step extracts`);
    }
    const extractors = Object.entries(step.extract ?? {}).map(([name, expression]) => compileExtractor(name, expression, where));
    for (const extractor of extractors) known.add(extractor.name);
    const compiled: CompiledStep = { operation: step.operation, request };
    if (used.length > 0) compiled.templates = compileTemplates(request, step.request.headers, step.request.body);
    if (extractors.length > 0) {
      compiled.extractors = extractors;
      compiled.capture = {
        body: extractors.some((extractor) => extractor.from === 'body'),
        headers: [...new Set(extractors.filter((extractor) => extractor.from === 'header').map((extractor) => extractor.path))],
        maxBodyBytes: MAX_CAPTURED_BODY_BYTES,
      };
    }
    return compiled;
  });
  return { name: entry.operation, steps, usesUnique };
}

function markerNames(text: string): string[] {
  return [...text.matchAll(SCENARIO_MARKER)].map((match) => match[1]!);
}

function compileExtractor(name: string, expression: string, where: string): Extractor {
  if (!/^[A-Za-z0-9]+$/.test(name)) throw new SentinelError('config', `${where}: extracted value name "${name}" must be letters and digits only`);
  if (name === UNIQUE_VALUE) throw new SentinelError('config', `${where}: "${UNIQUE_VALUE}" is reserved (a value unique per iteration, given to every step): extract into another name`);
  const source = parseExtractExpression(expression);
  if (typeof source === 'string') throw new SentinelError('config', `${where}: ${name}: ${source}`);
  return { name, ...source };
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * `$response.body#/pointer`, `$response.header.Name` or `$response.header.Name#regex:<pattern>`; a string
 * says why not (callers add where). Shared with the config's checks so both accept the same expressions.
 */
export function parseExtractExpression(expression: string): ExtractSource | string {
  const body = /^\$response\.body(?:#(.*))?$/.exec(expression);
  if (body) {
    const pointer = body[1] ?? '';
    if (pointer !== '' && !pointer.startsWith('/')) return `"${expression}" is not a JSON pointer (it starts with /)`;
    return { from: 'body', path: pointer };
  }
  const regex = /^\$response\.header\.(.+?)#regex:(.*)$/s.exec(expression);
  if (regex && HEADER_NAME.test(regex[1]!)) {
    const problem = patternProblem(regex[2]!);
    if (problem !== undefined) return `"${expression}": bad pattern: ${problem}`;
    return { from: 'header', path: regex[1]!.toLowerCase(), pattern: new RegExp(regex[2]!) };
  }
  const header = /^\$response\.header\.(.+)$/.exec(expression);
  if (header && HEADER_NAME.test(header[1]!)) return { from: 'header', path: header[1]!.toLowerCase() };
  return `"${expression}" is neither $response.body#/pointer, $response.header.Name nor $response.header.Name#regex:<pattern>`;
}

function compileTemplates(request: DispatchableRequest, headers: Record<string, string>, body: string | undefined): NonNullable<CompiledStep['templates']> {
  const templates: NonNullable<CompiledStep['templates']> = {};
  const path = String(request.options.path);
  if (markerNames(path).length > 0) templates.path = splitText(path, encodeForUrl);
  const headerTemplates = Object.entries(headers)
    .filter(([, value]) => markerNames(value).length > 0)
    .map(([name, value]): [string, Part[]] => [name, splitText(value, textOf)]);
  if (headerTemplates.length > 0) templates.headers = headerTemplates;
  if (body !== undefined && markerNames(body).length > 0) templates.body = splitBody(body, contentType(headers));
  return templates;
}

function contentType(headers: Record<string, string>): string {
  for (const [name, value] of Object.entries(headers)) if (name.toLowerCase() === 'content-type') return value.toLowerCase();
  return '';
}

const encodeForUrl: Encoder = (value) => encodeURIComponent(textOf(value));
/** Objects and arrays as JSON (String() would give `[object Object]`), everything else as String() does. */
const textOf: Encoder = (value) => (value !== null && typeof value === 'object' ? JSON.stringify(value) : String(value));
const jsonValue: Encoder = (value) => JSON.stringify(value);
/** Inside a longer JSON string: the text, JSON-escaped, without its quotes. */
const jsonStringContent: Encoder = (value) => JSON.stringify(textOf(value)).slice(1, -1);

/** Splits `text` at its markers; `wholeValue(start, end)` says the marker is a whole quoted JSON string, replaced quotes included. */
function splitText(text: string, encode: Encoder, wholeValue?: (start: number, end: number) => boolean): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const match of text.matchAll(SCENARIO_MARKER)) {
    let start = match.index!;
    let end = start + match[0].length;
    let encoder = encode;
    if (wholeValue?.(start, end)) {
      [start, end, encoder] = [start - 1, end + 1, jsonValue];
    }
    parts.push(text.slice(last, start), { name: match[1]!, encode: encoder });
    last = end;
  }
  parts.push(text.slice(last));
  return parts;
}

function splitBody(body: string, type: string): Part[] {
  if (type.includes('x-www-form-urlencoded')) return splitText(body, encodeForUrl);
  if (type !== '' && !type.includes('json')) return splitText(body, textOf);
  // JSON: a marker that is a whole string value (`"__SENTINEL_id__"`) becomes the value's JSON, quotes
  // included, so a number stays a number; a marker inside a longer string becomes escaped text.
  return splitText(body, jsonStringContent, (start, end) => body[end] === '"' && start > 0 && body[start - 1] === '"' && !isEscaped(body, start - 1));
}

/** Whether the character at `index` is escaped by an odd run of backslashes before it. */
function isEscaped(text: string, index: number): boolean {
  let backslashes = 0;
  while (index - backslashes - 1 >= 0 && text[index - backslashes - 1] === '\\') backslashes++;
  return backslashes % 2 === 1;
}

function render(parts: Part[], values: Map<string, unknown>): string {
  let out = '';
  for (const part of parts) out += typeof part === 'string' ? part : part.encode(values.get(part.name));
  return out;
}

/** The request to send for `step` in an iteration that extracted `values` so far. */
export function requestFor(step: CompiledStep, values: Map<string, unknown>): DispatchableRequest {
  const templates = step.templates;
  if (!templates) return step.request;
  const options = { ...step.request.options };
  if (templates.path) options.path = render(templates.path, values);
  if (templates.headers) {
    const headers = { ...(step.request.options.headers as Record<string, string>) };
    for (const [name, parts] of templates.headers) headers[name] = render(parts, values);
    options.headers = headers;
  }
  if (templates.body) options.body = render(templates.body, values);
  return { operation: step.operation, origin: step.request.origin, options };
}

/**
 * Adds what `step` extracts from its (2xx) answer to `values`. Returns why it could not, or undefined.
 * A value that is absent or null is a failure: later steps would send `undefined` or `null` in its place.
 */
export function extractInto(step: CompiledStep, captured: Captured, values: Map<string, unknown>): string | undefined {
  let document: unknown;
  let parsed = false;
  for (const extractor of step.extractors ?? []) {
    let value: unknown;
    if (extractor.from === 'header') {
      value = captured.headers[extractor.path];
      if (value !== undefined && extractor.pattern) {
        value = matchPattern(String(value), extractor.pattern);
        if (value === undefined) return `${extractor.name}: header ${extractor.path} does not match the pattern`;
      }
    } else {
      if (captured.bodyOverflow) return `${extractor.name}: body over ${MAX_CAPTURED_BODY_BYTES} bytes`;
      if (!parsed) {
        try {
          document = JSON.parse(captured.body ?? '');
        } catch {
          return `${extractor.name}: body is not JSON`;
        }
        parsed = true;
      }
      value = resolvePointer(document, extractor.path);
    }
    if (value === undefined || value === null) return `${extractor.name}: no value at ${extractor.from === 'body' ? `body#${extractor.path}` : `header ${extractor.path}`}`;
    values.set(extractor.name, value);
  }
  return undefined;
}
