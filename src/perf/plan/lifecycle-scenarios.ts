// Automatic load scenarios: for each resource the stateful dependency graph finds with a create and a
// read-by-id operation, create → read → update → delete, identifiers flowing as the stateful agent infers
// them (an OpenAPI link, a matching response field, or a pattern over the read path applied to the
// create's Location header). The delete (and then the deletes of parents created on the way, children
// first) keeps a soak from growing the target's data; the reserved `unique` value in the bodies' likely
// unique keys (email, username, slug...) keeps iterations from colliding (409) with each other.
import type { ApiModel } from '../../spec/model.js';
import type { ScenarioStep } from '../../core/test-case.js';
import { planningContext } from '../../agents/stateful/agent.js';
import { startWithCreate } from '../../agents/stateful/lifecycle.js';
import type { Resource } from '../../agents/stateful/resources.js';
import { roleOf } from '../../core/roles.js';
import type { ScenarioBuilder } from '../../agents/stateful/scenario-builder.js';
import { scenarioMarker, UNIQUE_VALUE, type PlannedScenario, type PlannedScenarioStep } from './scenarios.js';
import { withUniqueValues } from './unique-fields.js';

export function lifecycleName(resource: Resource): string {
  return `lifecycle ${resource.collectionPath}`;
}

export function lifecycleScenarios(model: ApiModel, seed: number): { scenarios: PlannedScenario[]; notes: string[] } {
  const ctx = planningContext(model, model.operations, seed, 'perf');
  const scenarios: PlannedScenario[] = [];
  const notes: string[] = [];
  for (const resource of ctx.graph.resources) {
    const read = resource.read;
    if (resource.create === undefined || read === undefined) continue;
    const name = lifecycleName(resource);
    const builder = startWithCreate(ctx, resource, name);
    if (typeof builder === 'string') {
      notes.push(`scenario ${name}: not planned (${builder})`);
      continue;
    }
    builder.add('read', read, builder.request(read).request, { title: `Read the ${resource.name}` });
    if (resource.update !== undefined) builder.add('update', resource.update, builder.request(resource.update).request, { title: `Update the ${resource.name}` });
    // What was created first goes only once the resource itself is gone: an API refuses (409) to delete
    // an item an order still refers to.
    if (resource.remove !== undefined) {
      builder.add('delete', resource.remove, builder.request(resource.remove).request, { title: `Delete the ${resource.name}` });
      deleteSetups(builder, ctx.graph.resources);
    }
    scenarios.push({ name, weight: 1, steps: toLoadSteps(builder.steps).map((step) => withUniqueBody(model, step)), origin: 'lifecycle' });
  }
  return { scenarios, notes };
}

/** Writes with an object body get the per-iteration `unique` value in their likely unique keys. */
function withUniqueBody(model: ApiModel, step: PlannedScenarioStep): PlannedScenarioStep {
  const body = step.request.body;
  if (body === undefined || body.value === undefined || body.raw !== undefined) return step;
  const operation = model.operations.find((candidate) => candidate.key === step.operation);
  const schema = operation?.requestBody?.content.find((content) => content.mediaType === body.mediaType)?.schema;
  const { value, changed } = withUniqueValues(model, schema, body.value);
  return changed.length === 0 ? step : { ...step, request: { ...step.request, body: { ...body, value } } };
}

/** Parents (and referenced resources) the scenario created first are deleted last, newest first. */
function deleteSetups(builder: ScenarioBuilder, resources: Resource[]): void {
  const setups = builder.steps.filter((step) => roleOf(step.case.id).startsWith('setup-')).reverse();
  for (const setup of setups) {
    const owner = resources.find((r) => r.create?.key === setup.case.operation && r.remove !== undefined && Object.values(setup.extract).includes(r.idSource ?? ''));
    if (owner === undefined) continue;
    const { request, unbound } = builder.request(owner.remove!);
    // Its own id by name: the resource's own id may be bound under the same parameter name.
    const variable = Object.entries(setup.extract).find(([, rule]) => rule === owner.idSource)?.[0];
    if (variable !== undefined) request.pathParams[owner.idParam] = `{{${variable}}}`;
    if (unbound.length === 0) builder.add(`cleanup-${roleOf(setup.case.id)}`, owner.remove!, request, { title: `Delete the ${owner.name} created first` });
  }
}

/** `{{item_id}}` placeholders become engine markers (`__SENTINEL_itemId__`). */
export function toLoadSteps(steps: ScenarioStep[]): PlannedScenarioStep[] {
  const names = new Map<string, string>();
  const markerName = (variable: string) => {
    let name = names.get(variable);
    if (name === undefined) {
      // `item_id` → `itemId`: markers are letters and digits.
      const base = variable.split(/[^A-Za-z0-9]+/).filter(Boolean).map((part, index) => (index === 0 ? part : part[0]!.toUpperCase() + part.slice(1))).join('') || 'value';
      name = base;
      // `unique` is the engine's reserved per-iteration value, never an extracted one.
      for (let n = 2; name === UNIQUE_VALUE || [...names.values()].includes(name); n++) name = `${base}${n}`;
      names.set(variable, name);
    }
    return name;
  };
  const visit = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (_text, variable: string) => scenarioMarker(markerName(variable)));
    if (Array.isArray(value)) return value.map(visit);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, visit(inner)]));
    return value;
  };
  return steps.map((step) => {
    const extract = Object.fromEntries(Object.entries(step.extract).map(([variable, rule]) => [markerName(variable), rule]));
    return {
      operation: step.case.operation,
      request: visit(step.case.request) as PlannedScenarioStep['request'],
      ...(Object.keys(extract).length > 0 ? { extract } : {}),
    };
  });
}
