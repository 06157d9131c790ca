// The Performance-Planner agent: from the model and the user's choices, a load plan — stages for the
// profile, a weighted mix of operations (safe ones unless writes are asked for) with concrete requests,
// and the thresholds to judge. Pure: the same model, options and seed give the same plan.
import { SentinelError } from '../errors.js';
import type { ApiModel, Operation } from '../spec/model.js';
import type { LoadModel, Stage } from '../execution/load/types.js';
import type { PlannedRequest } from './test-case.js';
import { buildStages, DEFAULT_DURATION_MS, DEFAULT_RATE, type PerfProfile } from './perf/profiles.js';
import { planRequest, type RequestValues } from './perf/planned-request.js';
import type { Threshold } from './perf/thresholds.js';

export interface PerfPlanOptions {
  profile: PerfProfile;
  durationMs?: number;
  /** Requests per second: the open model (the default). */
  rate?: number;
  /** Virtual users: the closed model. */
  vus?: number;
  /** Plan writes (POST, PUT, PATCH, DELETE...) too; by default only GET and HEAD. */
  includeWrites?: boolean;
  /** Operation key (`GET /pets`) or operationId → relative weight; 0 leaves it out. Default 1 each. */
  weights?: Record<string, number>;
  thresholds: Threshold[];
  /** Concrete requests per operation, sent in turn (different values defeat trivial caching). */
  variants?: number;
  seed: number;
}

export interface PlannedMixEntry {
  operation: string;
  weight: number;
  requests: PlannedRequest[];
}

export interface PerfPlan {
  profile: PerfProfile;
  model: LoadModel;
  /** The steady level or the peak: requests per second (open) or virtual users (closed). */
  target: number;
  stages: Stage[];
  mix: PlannedMixEntry[];
  thresholds: Threshold[];
  /** Operations left out and why, shown to the user (never silently skipped). */
  notes: string[];
}

const SAFE_METHODS = new Set(['get', 'head']);

export function planPerf(model: ApiModel, options: PerfPlanOptions, values: RequestValues): PerfPlan {
  if (options.rate !== undefined && options.vus !== undefined) {
    throw new SentinelError('usage', '--rate and --vus are exclusive: --rate plans arrivals per second (open model), --vus virtual users (closed model)');
  }
  const loadModel: LoadModel = options.vus !== undefined ? 'closed' : 'open';
  const target = options.vus ?? options.rate ?? DEFAULT_RATE[options.profile];
  const durationMs = options.durationMs ?? DEFAULT_DURATION_MS[options.profile];
  const weights = resolveWeights(model.operations, options.weights ?? {});
  const notes: string[] = [];
  const mix: PlannedMixEntry[] = [];
  for (const operation of model.operations) {
    const weight = weights.get(operation) ?? 1;
    if (!SAFE_METHODS.has(operation.method) && !options.includeWrites) {
      notes.push(`${operation.key}: left out (a write; pass --include-writes to load it)`);
      continue;
    }
    if (weight === 0) {
      notes.push(`${operation.key}: left out (weight 0)`);
      continue;
    }
    const requests: PlannedRequest[] = [];
    for (let variant = 0; variant < (options.variants ?? 5); variant++) {
      const planned = planRequest(operation, values, variant);
      if (planned) requests.push(planned);
    }
    if (requests.length === 0) {
      notes.push(`${operation.key}: left out (no valid value could be generated for a required parameter or body)`);
      continue;
    }
    mix.push({ operation: operation.key, weight, requests });
  }
  if (mix.length === 0) {
    const hint = options.includeWrites ? '' : ' (only GET and HEAD are loaded unless --include-writes is given)';
    throw new SentinelError('usage', `${model.source}: no operation to load${hint}`);
  }
  return { profile: options.profile, model: loadModel, target, stages: buildStages(options.profile, loadModel, target, durationMs), mix, thresholds: options.thresholds, notes };
}

/** Weights are keyed by `METHOD /path` or operationId; an unknown key or a bad weight is a usage error. */
function resolveWeights(operations: Operation[], weights: Record<string, number>): Map<Operation, number> {
  const resolved = new Map<Operation, number>();
  for (const [key, weight] of Object.entries(weights)) {
    const normalized = key.trim().replace(/^(\w+)\s+/, (method: string) => `${method.trim().toUpperCase()} `);
    const operation = operations.find((candidate) => candidate.key === normalized || candidate.operationId === key.trim());
    if (!operation) throw new SentinelError('usage', `weight for '${key}': no such operation (use 'METHOD /path' as in the spec, or an operationId)`);
    if (!(weight >= 0) || !Number.isFinite(weight)) throw new SentinelError('usage', `weight for '${key}': '${weight}' is not a number >= 0`);
    resolved.set(operation, weight);
  }
  return resolved;
}
