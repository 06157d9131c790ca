// Serializes a planned mix into the engine's prepared requests (URL, headers, body), once, before the run.
import { buildRequest } from '../../execution/serialize/request.js';
import type { MixEntry } from '../../execution/load/types.js';
import type { ApiModel } from '../../spec/model.js';
import type { PlannedMixEntry } from '../perf-planner.js';

export function prepareMix(model: ApiModel, mix: PlannedMixEntry[], baseUrl: string, extraHeaders: Record<string, string>): MixEntry[] {
  const operations = new Map(model.operations.map((operation) => [operation.key, operation]));
  return mix.map((entry) => {
    const operation = operations.get(entry.operation)!;
    return {
      operation: entry.operation,
      weight: entry.weight,
      requests: entry.requests.map((planned) => ({ ...buildRequest(operation, planned, baseUrl, extraHeaders), operation: entry.operation })),
    };
  });
}
