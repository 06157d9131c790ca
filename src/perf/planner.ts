// The Performance-Planner agent: from the model and the user's choices, a load plan — stages for the
// profile, a weighted mix of operations (safe ones unless writes are asked for) with concrete requests,
// stateful scenarios (automatic lifecycles when writes are asked for, and the config's own), and the
// thresholds to judge. Pure: the same model, options and seed give the same plan.
import { SentinelError } from '../core/errors.js';
import type { ApiModel, Operation } from '../spec/model.js';
import type { LoadModel, Stage } from '../execution/load/types.js';
import type { PlannedRequest } from '../core/test-case.js';
import { buildStages, DEFAULT_DURATION_MS, DEFAULT_RATE, type PerfProfile } from './plan/profiles.js';
import { lifecycleScenarios } from './plan/lifecycle-scenarios.js';
import { planRequest, type RequestValues } from './plan/planned-request.js';
import { SCENARIO_PREFIX, scenarioEntryName, type PlannedScenario, type PlannedScenarioStep } from './plan/scenarios.js';
import { findOperation, userScenarios, type ScenarioDefinition } from './plan/user-scenarios.js';
import type { Threshold } from './analyze/thresholds.js';

export interface PerfPlanOptions {
  profile: PerfProfile;
  durationMs?: number;
  /** Requests per second: the open model (the default). */
  rate?: number;
  /** Virtual users: the closed model. */
  vus?: number;
  /** Plan writes (POST, PUT, PATCH, DELETE...) too, and automatic lifecycle scenarios; by default only GET and HEAD. */
  includeWrites?: boolean;
  /** Automatic lifecycle scenarios when writes are included; default true (`--no-scenarios` turns them off). */
  automaticScenarios?: boolean;
  /** Scenarios written in the config file; planned whether or not writes are included (writing one is asking). */
  scenarios?: ScenarioDefinition[];
  /** Prefix of errors in `scenarios`: the config file and key. */
  scenariosSource?: string;
  /**
   * Operation key (`GET /pets`), operationId or scenario name (`lifecycle /pets`, optionally prefixed with
   * `scenario `) → relative weight; 0 leaves it out. Default 1 each (a config scenario: its own weight).
   */
  weights?: Record<string, number>;
  thresholds: Threshold[];
  /** Concrete requests per operation, sent in turn (different values defeat trivial caching). */
  variants?: number;
  seed: number;
}

export interface PlannedMixEntry {
  /** `METHOD /path`, or `scenario <name>` for a scenario. */
  operation: string;
  weight: number;
  /** Empty for a scenario. */
  requests: PlannedRequest[];
  scenario?: PlannedScenarioStep[];
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
  const notes: string[] = [];
  const scenarios = planScenarios(model, options, values, notes);
  const weights = resolveWeights(model.operations, scenarios, options.weights ?? {}, notes);
  const active = scenarios.filter((scenario) => {
    const weight = weights.scenarios.get(scenario) ?? scenario.weight;
    if (weight === 0) notes.push(`${scenarioEntryName(scenario.name)}: left out (weight 0)`);
    return weight > 0;
  });
  const coveredBy = writesCoveredBy(active);

  const mix: PlannedMixEntry[] = [];
  for (const operation of model.operations) {
    const explicit = weights.operations.get(operation);
    const weight = explicit ?? 1;
    if (!SAFE_METHODS.has(operation.method) && !options.includeWrites) {
      notes.push(`${operation.key}: left out (a write; pass --include-writes to load it)`);
      continue;
    }
    if (weight === 0) {
      notes.push(`${operation.key}: left out (weight 0)`);
      continue;
    }
    const covering = coveredBy.get(operation.key);
    if (covering !== undefined && explicit === undefined) {
      // Alone, a DELETE or PUT of a made-up id measures 404s, and a create leaves data behind.
      notes.push(`${operation.key}: sent only within ${covering.map(scenarioEntryName).join(', ')}, on what the scenario created (give it a weight to load it alone too)`);
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
  for (const scenario of active) {
    mix.push({ operation: scenarioEntryName(scenario.name), weight: weights.scenarios.get(scenario) ?? scenario.weight, requests: [], scenario: scenario.steps });
  }
  if (mix.length === 0) {
    const hint = options.includeWrites ? '' : ' (only GET and HEAD are loaded unless --include-writes is given)';
    throw new SentinelError('usage', `${model.source}: no operation to load${hint}`);
  }
  return { profile: options.profile, model: loadModel, target, stages: buildStages(options.profile, loadModel, target, durationMs), mix, thresholds: options.thresholds, notes };
}

/** Automatic lifecycles (writes included, not turned off), then the config's; a config scenario replaces a same-named lifecycle. */
function planScenarios(model: ApiModel, options: PerfPlanOptions, values: RequestValues, notes: string[]): PlannedScenario[] {
  const defined = userScenarios(model, options.scenarios ?? [], values, options.scenariosSource ?? 'perf.scenarios');
  const automatic: PlannedScenario[] = [];
  if (options.includeWrites && options.automaticScenarios !== false) {
    const planned = lifecycleScenarios(model, options.seed);
    notes.push(...planned.notes);
    for (const scenario of planned.scenarios) {
      if (defined.some((own) => own.name === scenario.name)) notes.push(`${scenarioEntryName(scenario.name)}: the config's scenario of that name replaces the automatic one`);
      else automatic.push(scenario);
    }
  }
  return [...automatic, ...defined];
}

/** Write operation → the scenarios that send it. */
function writesCoveredBy(scenarios: PlannedScenario[]): Map<string, string[]> {
  const covered = new Map<string, string[]>();
  for (const scenario of scenarios) {
    for (const step of scenario.steps) {
      if (SAFE_METHODS.has(step.request.method.toLowerCase())) continue;
      const names = covered.get(step.operation) ?? [];
      if (!names.includes(scenario.name)) covered.set(step.operation, [...names, scenario.name]);
    }
  }
  return covered;
}

/**
 * Weights are keyed by `METHOD /path`, operationId or scenario name (`scenario <name>` names only a
 * scenario). An unknown operation or a bad weight is a usage error; a scenario that is not planned this
 * time (lifecycles need --include-writes) is a note, so one config file serves runs with and without writes.
 */
function resolveWeights(operations: Operation[], scenarios: PlannedScenario[], weights: Record<string, number>, notes: string[]) {
  const resolved = { operations: new Map<Operation, number>(), scenarios: new Map<PlannedScenario, number>() };
  for (const [key, weight] of Object.entries(weights)) {
    if (!(weight >= 0) || !Number.isFinite(weight)) throw new SentinelError('usage', `weight for '${key}': '${weight}' is not a number >= 0`);
    const trimmed = key.trim();
    const prefixed = trimmed.startsWith(SCENARIO_PREFIX);
    const operation = prefixed ? undefined : findOperation(operations, trimmed);
    if (operation !== undefined) {
      resolved.operations.set(operation, weight);
      continue;
    }
    const name = prefixed ? trimmed.slice(SCENARIO_PREFIX.length).trim() : trimmed;
    const scenario = scenarios.find((candidate) => candidate.name === name);
    if (scenario !== undefined) {
      resolved.scenarios.set(scenario, weight);
      continue;
    }
    if (prefixed || /^lifecycle\s/.test(trimmed)) {
      notes.push(`weight for '${key}': no such scenario in this plan (automatic lifecycle scenarios need --include-writes and no --no-scenarios)`);
      continue;
    }
    throw new SentinelError('usage', `weight for '${key}': no such operation (use 'METHOD /path' as in the spec, or an operationId) or scenario`);
  }
  return resolved;
}
