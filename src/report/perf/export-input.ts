// What the k6 and Locust exporters need: the stages, the thresholds and the mix as paths relative to the
// base URL, with secret header values replaced by environment variables (never written to a script).
// Scenario steps keep the engine's markers (`__SENTINEL_id__`); the scripts fill them in the same way.
import type { Stage, LoadModel, MixEntry, PreparedRequest } from '../../execution/load/types.js';
import { isSecretName } from '../secret-names.js';
import type { Threshold } from '../../agents/perf/thresholds.js';

export interface ExportRequest {
  method: string;
  /** Path and query, relative to the base URL. */
  path: string;
  headers: Record<string, string>;
  /** Header name → environment variable whose value is sent (secrets). */
  secretHeaders: Record<string, string>;
  body?: string;
}

export interface ExportStep {
  operation: string;
  request: ExportRequest;
  /** Marker name → `$response.body#/pointer` or `$response.header.Name`. */
  extract?: Record<string, string>;
}

export interface ExportInput {
  baseUrl: string;
  model: LoadModel;
  stages: Stage[];
  thresholds: Threshold[];
  /** A scenario entry (`scenario <name>`) has no requests and its steps in `scenario`. */
  mix: { operation: string; weight: number; requests: ExportRequest[]; scenario?: ExportStep[] }[];
}

export function exportInput(baseUrl: string, model: LoadModel, stages: Stage[], thresholds: Threshold[], mix: MixEntry[]): ExportInput {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    baseUrl: base,
    model,
    stages,
    thresholds,
    mix: mix.map((entry) => ({
      operation: entry.operation,
      weight: entry.weight,
      requests: entry.requests.map((request) => exportRequest(base, request)),
      ...(entry.scenario !== undefined
        ? { scenario: entry.scenario.map((step) => ({ operation: step.operation, request: exportRequest(base, step.request), ...(step.extract ? { extract: step.extract } : {}) })) }
        : {}),
    })),
  };
}

function exportRequest(base: string, request: PreparedRequest): ExportRequest {
  const headers: Record<string, string> = {};
  const secretHeaders: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (isSecretName(name)) secretHeaders[name] = `SENTINEL_HEADER_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
    else headers[name] = value;
  }
  const path = request.url.startsWith(base) ? request.url.slice(base.length) || '/' : new URL(request.url).pathname + new URL(request.url).search;
  return { method: request.method, path, headers, secretHeaders, ...(request.body !== undefined ? { body: request.body } : {}) };
}

/** Every environment variable a script reads for secret headers. */
export function secretVariables(input: ExportInput): string[] {
  const requests = input.mix.flatMap((entry) => [...entry.requests, ...(entry.scenario ?? []).map((step) => step.request)]);
  return [...new Set(requests.flatMap((request) => Object.values(request.secretHeaders)))].sort();
}
