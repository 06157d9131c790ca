// Load scenarios written in the config file (`perf.scenarios`): steps naming operations, with values
// given (`params`, `body`), values an earlier step extracted (`'${orderId}'`, or a path parameter of the
// same name), and everything else generated as for single requests. Every mistake is a config error
// naming the scenario and the step, found before any request is sent.
import { SentinelError } from '../../errors.js';
import type { ApiModel, Operation } from '../../spec/model.js';
import { planRequest, type RequestValues } from './planned-request.js';
import { EXTRACT_EXPRESSION, MARKER_NAME, scenarioMarker, type PlannedScenario, type PlannedScenarioStep } from './scenarios.js';

export interface ScenarioDefinition {
  name: string;
  weight?: number;
  steps: { operation: string; params?: Record<string, unknown>; body?: unknown; extract?: Record<string, string> }[];
}

const VARIABLE = /^\$\{([^}]*)\}$/;

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
    const known = new Set<string>();
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
        if (parameter.in === 'path' && !(parameter.name in params) && known.has(parameter.name)) params[parameter.name] = scenarioMarker(parameter.name);
      }
      const body = step.body === undefined ? undefined : { value: withMarkers(step.body, known, (why) => fail(stepIndex, why)) };
      const request = planRequest(operation, values, 0, { params, ...(body ? { body } : {}) });
      if (request === undefined) return fail(stepIndex, `no valid value could be generated for a required parameter or body of ${operation.key}: give it in params or body`);
      const extract = step.extract ?? {};
      for (const [name, expression] of Object.entries(extract)) {
        if (!MARKER_NAME.test(name)) fail(stepIndex, `variable ${JSON.stringify(name)}: a name is letters and digits only`);
        if (!EXTRACT_EXPRESSION.test(expression)) fail(stepIndex, `extract ${name}: ${JSON.stringify(expression)} is not $response.body#/json/pointer or $response.header.Name`);
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

/** `'${orderId}'` (a whole string, anywhere in the value) becomes the marker of a variable already extracted. */
function withMarkers(value: unknown, known: Set<string>, fail: (why: string) => never): unknown {
  if (typeof value === 'string') {
    const variable = VARIABLE.exec(value);
    if (variable) {
      const name = variable[1]!;
      if (!known.has(name)) return fail(`'\${${name}}' is used before a step extracts it`);
      return scenarioMarker(name);
    }
    if (value.includes('${')) return fail(`${JSON.stringify(value)}: a variable must be the whole string ('\${name}')`);
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => withMarkers(item, known, fail));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withMarkers(inner, known, fail)]));
  return value;
}
