// What the k6 and Locust exporters need: the stages, the thresholds and the mix as paths relative to the
// base URL, with secret header and query values replaced by environment variables (never written to a
// script).
// Scenario steps keep the engine's markers (`__SENTINEL_id__`, `__SENTINEL_unique__`); the scripts fill
// them in the same way.
import type { Stage, LoadModel, MixEntry, PreparedRequest, ThinkTime } from '../../execution/load/types.js';
import { isSecretName } from '../../execution/redaction/secret-names.js';
import type { Threshold } from '../analyze/thresholds.js';

export interface ExportRequest {
  method: string;
  /** Path and query, relative to the base URL. */
  path: string;
  headers: Record<string, string>;
  /** Header name → environment variable whose value is sent (secrets). */
  secretHeaders: Record<string, string>;
  /** Query parameter (an apiKey scheme's, `api_key`...) → environment variable; left out of `path`, added when set. */
  secretQuery?: Record<string, string>;
  body?: string;
}

export interface ExportStep {
  operation: string;
  request: ExportRequest;
  /**
   * Marker name → `$response.body#/pointer`, `$response.header.Name` or `$response.header.Name#regex:<pattern>`
   * (JavaScript syntax; the Locust file spells it for Python's re). Steps may also use the reserved
   * `__SENTINEL_unique__`, which each script draws anew per iteration.
   */
  extract?: Record<string, string>;
}

export interface ExportInput {
  baseUrl: string;
  model: LoadModel;
  stages: Stage[];
  thresholds: Threshold[];
  /** A scenario entry (`scenario <name>`) has no requests and its steps in `scenario`. */
  mix: { operation: string; weight: number; requests: ExportRequest[]; scenario?: ExportStep[] }[];
  /** Closed model: a virtual user's pause after each turn. */
  thinkTime?: ThinkTime;
}

/** `secretNames`: parameter names that are secret whatever they are called (the description's apiKey schemes'). */
export function exportInput(
  baseUrl: string,
  model: LoadModel,
  stages: Stage[],
  thresholds: Threshold[],
  mix: MixEntry[],
  secretNames: readonly string[] = [],
  thinkTime?: ThinkTime,
): ExportInput {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    ...(thinkTime !== undefined && model === 'closed' ? { thinkTime } : {}),
    baseUrl: base,
    model,
    stages,
    thresholds,
    mix: mix.map((entry) => ({
      operation: entry.operation,
      weight: entry.weight,
      requests: entry.requests.map((request) => exportRequest(base, request, secretNames)),
      ...(entry.scenario !== undefined
        ? { scenario: entry.scenario.map((step) => ({ operation: step.operation, request: exportRequest(base, step.request, secretNames), ...(step.extract ? { extract: step.extract } : {}) })) }
        : {}),
    })),
  };
}

function exportRequest(base: string, request: PreparedRequest, secretNames: readonly string[]): ExportRequest {
  const headers: Record<string, string> = {};
  const secretHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (isSecretName(name, secretNames)) secretHeaders[name] = environmentVariable('HEADER', name);
    else headers[name] = value;
  }
  const full = request.url.startsWith(base) ? request.url.slice(base.length) || '/' : new URL(request.url).pathname + new URL(request.url).search;
  const question = full.indexOf('?');
  const secretQuery: Record<string, string> = {};
  let path = full;
  if (question >= 0) {
    const kept = full
      .slice(question + 1)
      .split('&')
      .filter((pair) => {
        const name = decodeQueryName(pair.split('=')[0]!);
        if (!isSecretName(name, secretNames)) return true;
        secretQuery[name] = environmentVariable('QUERY', name);
        return false;
      });
    path = full.slice(0, question) + (kept.length > 0 ? `?${kept.join('&')}` : '');
  }
  return {
    method: request.method,
    path,
    headers,
    secretHeaders,
    ...(Object.keys(secretQuery).length > 0 ? { secretQuery } : {}),
    ...(request.body !== undefined ? { body: request.body } : {}),
  };
}

function environmentVariable(kind: 'HEADER' | 'QUERY', name: string): string {
  return `SENTINEL_${kind}_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}

function decodeQueryName(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** Every environment variable a script reads for secret headers. */
export function secretVariables(input: ExportInput): string[] {
  const requests = input.mix.flatMap((entry) => [...entry.requests, ...(entry.scenario ?? []).map((step) => step.request)]);
  return [...new Set(requests.flatMap((request) => [...Object.values(request.secretHeaders), ...Object.values(request.secretQuery ?? {})]))].sort();
}
