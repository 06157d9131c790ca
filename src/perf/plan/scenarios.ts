// Stateful scenarios in a load mix: a sequence of planned requests where later steps use values earlier
// answers gave (a created item's id). Values are written as the load engine's markers (`__SENTINEL_id__`,
// see execution/load/types.ts), so each step is serialized once and filled in at send time.
import { scenarioMarker, UNIQUE_VALUE } from '../../execution/load/types.js';
import type { PlannedRequest } from '../../core/test-case.js';

export interface PlannedScenarioStep {
  /** `METHOD /path` of the step's operation, as in the description. */
  operation: string;
  /** With markers where extracted values go. */
  request: PlannedRequest;
  /** Marker name → `$response.body#/pointer`, `$response.header.Name` or `$response.header.Name#regex:<pattern>`. */
  extract?: Record<string, string>;
}

export interface PlannedScenario {
  /** `lifecycle /items` (automatic) or the config's name; the mix entry is `scenario <name>`. */
  name: string;
  weight: number;
  steps: PlannedScenarioStep[];
  /** Automatic (from the dependency graph) or written in the config file. */
  origin: 'lifecycle' | 'config';
}

export const SCENARIO_PREFIX = 'scenario ';

/** The mix entry (and statistics) name of a scenario. */
export function scenarioEntryName(name: string): string {
  return `${SCENARIO_PREFIX}${name}`;
}

/** Marker names are letters and digits (see SCENARIO_MARKER). */
export const MARKER_NAME = /^[A-Za-z0-9]+$/;

/** Where a value can be read from an answer: the engine's parser, so the config accepts exactly what runs. */
export { parseExtractExpression } from '../../execution/load/scenario.js';

export { scenarioMarker, UNIQUE_VALUE };
