// Load scenarios written in the config file (`perf.scenarios`): steps naming operations, with values
// given (`params`, `body`), values an earlier step extracted (`'${orderId}'`, `'order-${orderId}'`, or a
// path parameter of the same name), the reserved per-iteration `'${unique}'`, and everything else
// generated as for single requests. Every mistake is a config error naming the scenario and the step,
// found before any request is sent.
import { SentinelError } from '../../core/errors.js';
import type { ApiModel, Operation } from '../../spec/model.js';
import { planRequest, type RequestValues } from './planned-request.js';
import { MARKER_NAME, parseExtractExpression, scenarioMarker, UNIQUE_VALUE, type PlannedScenario, type PlannedScenarioStep } from './scenarios.js';

export interface ScenarioDefinition {
  name: string;
  weight?: number;
  steps: { operation: string; params?: Record<string, unknown>; body?: unknown; extract?: Record<string, string> }[];
}

/** `${name}` anywhere in a string; what is between the braces is checked (letters and digits, known). */
const VARIABLE = /\$\{([^}]*)\}/g;

/** `where` prefixes errors: the config file and key, e.g. `sentinel.config.yaml: perf.scenarios`. */
export function userScenarios(model: ApiModel, definitions: ScenarioDefinition[], values: RequestValues, where: string): PlannedScenario[] {
  const seen = new Set<string>();
  return definitions.map((definition, index) => {
    const fail = (step: number | undefined, why: string): never => {
      const which = step === undefined ? '' : ` step ${step + 1}`;
      throw new SentinelError('config', `${where}: scenario ${JSON.stringify(definition.name || `#${index + 1}`)}${which}: ${why}`);
    };
    if (definition.name.trim() === '') fail(undefined, 'a scenario needs a name');
    if (seen.has(definition.name)) fail(undefined, 'another scenario has the same name');
    seen.add(definition.name);
    // `unique` needs no extraction: the engine draws one per iteration.
    const known = new Set<string>([UNIQUE_VALUE]);
    const steps = definition.steps.map((step, stepIndex): PlannedScenarioStep => {
      const operation = findOperation(model.operations, step.operation);
      if (operation === undefined) return fail(stepIndex, `no operation ${JSON.stringify(step.operation)} in the description (use 'METHOD /path' as written there, or an operationId)`);
      const declared = new Set(operation.parameters.map((parameter) => parameter.name));
      const params: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(step.params ?? {})) {
        if (!declared.has(name)) fail(stepIndex, `${operation.key} has no parameter ${JSON.stringify(name)}`);
        params[name] = withMarkers(value, known, (why) => fail(stepIndex, why));
      }
      // A path parameter named like an earlier variable takes it: `{orderId}` after `extract: { orderId: ... }`.
      for (const parameter of operation.parameters) {
        if (parameter.in === 'path' && !(parameter.name in params) && parameter.name !== UNIQUE_VALUE && known.has(parameter.name)) params[parameter.name] = scenarioMarker(parameter.name);
      }
      const body = step.body === undefined ? undefined : { value: withMarkers(step.body, known, (why) => fail(stepIndex, why)) };
      const request = planRequest(operation, values, 0, { params, ...(body ? { body } : {}) });
      if (request === undefined) return fail(stepIndex, `no valid value could be generated for a required parameter or body of ${operation.key}: give it in params or body`);
      const extract = step.extract ?? {};
      for (const [name, expression] of Object.entries(extract)) {
        if (!MARKER_NAME.test(name)) fail(stepIndex, `variable ${JSON.stringify(name)}: a name is letters and digits only`);
        if (name === UNIQUE_VALUE) fail(stepIndex, `variable "${UNIQUE_VALUE}" is reserved (a value unique per iteration, usable as '\${${UNIQUE_VALUE}}' without extracting it): pick another name`);
        const source = parseExtractExpression(expression);
        if (typeof source === 'string') fail(stepIndex, `extract ${name}: ${source}`);
      }
      for (const name of Object.keys(extract)) known.add(name);
      return { operation: operation.key, request, ...(Object.keys(extract).length > 0 ? { extract: { ...extract } } : {}) };
    });
    return { name: definition.name, weight: definition.weight ?? 1, steps, origin: 'config' };
  });
}

/** By `METHOD /path` (method in any case) or operationId. */
export function findOperation(operations: Operation[], name: string): Operation | undefined {
  const trimmed = name.trim();
  const normalized = trimmed.replace(/^(\w+)\s+/, (method: string) => `${method.trim().toUpperCase()} `);
  return operations.find((candidate) => candidate.key === normalized || candidate.operationId === trimmed);
}

/**
 * Each `${orderId}` in a string (anywhere in the value) becomes the marker of a variable already extracted
 * (or of `unique`). A whole-string `'${orderId}'` takes the value as it is (a number stays a number in
 * JSON); inside a longer string (`'user-${unique}@example.com'`) the value's text is spliced in.
 */
function withMarkers(value: unknown, known: Set<string>, fail: (why: string) => never): unknown {
  if (typeof value === 'string') {
    const replaced = value.replace(VARIABLE, (_whole, name: string) => {
      if (!MARKER_NAME.test(name)) return fail(`${JSON.stringify(value)}: '\${${name}}' is not a variable (letters and digits only)`);
      if (!known.has(name)) return fail(`'\${${name}}' is used before a step extracts it`);
      return scenarioMarker(name);
    });
    if (replaced.includes('${')) return fail(`${JSON.stringify(value)}: a '\${' without its closing '}'`);
    return replaced;
  }
  if (Array.isArray(value)) return value.map((item) => withMarkers(item, known, fail));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withMarkers(inner, known, fail)]));
  return value;
}
