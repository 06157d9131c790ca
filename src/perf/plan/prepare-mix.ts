// Serializes a planned mix into the engine's prepared requests (URL, headers, body), once, before the run.
// Credentials go on as for `sentinel run` (the default identity, per the operation's security schemes);
// scenario steps keep their markers (`__SENTINEL_id__`), which the engine fills in at send time.
import { prepareRequest } from '../../execution/prepare.js';
import type { IdentitySet } from '../../execution/auth/identity.js';
import type { MixEntry, PreparedRequest } from '../../execution/load/types.js';
import type { ApiModel } from '../../spec/model.js';
import type { PlannedRequest } from '../../core/test-case.js';
import type { PlannedMixEntry } from '../planner.js';

export function prepareMix(model: ApiModel, mix: PlannedMixEntry[], baseUrl: string, identities: IdentitySet): MixEntry[] {
  const operations = new Map(model.operations.map((operation) => [operation.key, operation]));
  const prepare = (key: string, planned: PlannedRequest): PreparedRequest => ({ ...prepareRequest(model, operations.get(key)!, planned, baseUrl, identities), operation: key });
  return mix.map((entry) => {
    if (entry.scenario !== undefined) {
      return {
        operation: entry.operation,
        weight: entry.weight,
        requests: [],
        scenario: entry.scenario.map((step) => ({ operation: step.operation, request: prepare(step.operation, step.request), ...(step.extract ? { extract: step.extract } : {}) })),
      };
    }
    return { operation: entry.operation, weight: entry.weight, requests: entry.requests.map((planned) => prepare(entry.operation, planned)) };
  });
}
