// Scenario variables: `{{name}}` placeholders in a planned request, and extraction rules that read
// values from a response (`$response.body#/json/pointer`, `$response.header.Name`, and
// `$response.header.Name#regex:<pattern>`, read as the load engine reads it).
import type { PlannedRequest } from '../core/test-case.js';
import type { ReceivedResponse } from '../core/exchange.js';
import { matchPattern, patternProblem } from '../core/extract-pattern.js';

const WHOLE = /^\{\{\s*([\w.-]+)\s*\}\}$/;
const EMBEDDED = /\{\{\s*([\w.-]+)\s*\}\}/g;

/**
 * Replaces placeholders everywhere in the request. A value that is exactly `{{name}}` takes the
 * variable's own type (a numeric id stays a number); a placeholder inside a longer string is spliced in.
 * Returns the names that had no value, in which case the step must not be sent.
 */
export function substitute(planned: PlannedRequest, variables: Record<string, unknown>): { request: PlannedRequest; missing: string[] } {
  const missing = new Set<string>();
  const visit = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const whole = WHOLE.exec(value);
      if (whole) {
        if (!(whole[1]! in variables)) missing.add(whole[1]!);
        return variables[whole[1]!];
      }
      return value.replace(EMBEDDED, (text, name: string) => {
        if (!(name in variables)) {
          missing.add(name);
          return text;
        }
        const found = variables[name];
        return typeof found === 'object' ? JSON.stringify(found) : String(found);
      });
    }
    if (Array.isArray(value)) return value.map(visit);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, visit(v)]));
    }
    return value;
  };
  return { request: visit(planned) as PlannedRequest, missing: [...missing] };
}

/** Reads one extraction rule from a response; `undefined` when the value is absent. */
export function extract(rule: string, response: ReceivedResponse): unknown {
  const result = extractValue(rule, response);
  return 'value' in result ? result.value : undefined;
}

const PATTERN_RULE = /^(\$response\.header\.[^#]+)#regex:(.*)$/s;

/**
 * One rule's value, or why there is none. `#regex:` takes the first group of the pattern's first match
 * in the header (the whole match without a group), percent-decoded, as the load engine does: a scenario
 * planned once extracts the same value whether `sentinel run` or `sentinel perf` sends it.
 */
export function extractValue(rule: string, response: ReceivedResponse): { value: unknown } | { problem: string } {
  const patterned = PATTERN_RULE.exec(rule);
  if (patterned === null) {
    const value = plainValue(rule, response);
    return value === undefined ? { problem: 'no value' } : { value };
  }
  const problem = patternProblem(patterned[2]!);
  if (problem !== undefined) return { problem: `bad pattern: ${problem}` };
  const header = plainValue(patterned[1]!, response);
  if (header === undefined) return { problem: 'no such header' };
  const value = matchPattern(String(header), new RegExp(patterned[2]!));
  return value === undefined ? { problem: `${String(header)} does not match` } : { value };
}

function plainValue(rule: string, response: ReceivedResponse): unknown {
  if (rule.startsWith('$response.header.')) {
    const value = response.headers[rule.slice('$response.header.'.length).toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  }
  if (rule === '$response.body') return response.json ?? response.body;
  if (rule.startsWith('$response.body#')) return resolvePointer(response.json, rule.slice('$response.body#'.length));
  if (rule === '$statusCode' || rule === '$response.status') return response.status;
  return undefined;
}

/**
 * RFC 6901 JSON pointer lookup ('' is the whole document; `~1` stands for `/`, `~0` for `~`), as written
 * in a runtime expression's URI fragment, so percent escapes are decoded first (a malformed one is kept as
 * is). Array indexes are canonical (`01` and `-` find nothing); only own properties count. Used by the
 * run's scenarios and the load engine's alike; undefined when absent.
 */
export function resolvePointer(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  if (!pointer.startsWith('/')) return undefined;
  let current: unknown = document;
  for (const raw of pointer.slice(1).split('/')) {
    const token = percentDecoded(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object') return undefined;
    if (Array.isArray(current)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined;
      current = current[Number(token)];
    } else {
      if (!Object.hasOwn(current, token)) return undefined;
      current = (current as Record<string, unknown>)[token];
    }
  }
  return current;
}

function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Applies every rule; only values found are set, so a later step sees a missing variable as missing.
 * `failed` names each rule that gave nothing, and why.
 */
export function extractAll(
  rules: Record<string, string>,
  response: ReceivedResponse | undefined,
  into: Record<string, unknown>,
): { variables: Record<string, unknown>; failed: string[] } {
  const variables = { ...into };
  const failed: string[] = [];
  if (response === undefined) return { variables, failed };
  for (const [name, rule] of Object.entries(rules)) {
    const result = extractValue(rule, response);
    if ('problem' in result) failed.push(`${name} (${rule}: ${result.problem})`);
    else variables[name] = result.value;
  }
  return { variables, failed };
}
