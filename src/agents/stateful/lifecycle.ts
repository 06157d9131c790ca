// Scenarios over one resource's life: create → read → update → read → delete → read (judged by
// resource_availability and use_after_free), and create → list.
import type { AgentName, Scenario } from '../../core/test-case.js';
import { withArticle } from './naming.js';
import type { Resource } from './resources.js';
import { ScenarioBuilder, type PlanningContext } from './scenario-builder.js';

/** A scenario, a reason it could not be planned (worth a note), or nothing to plan (no such operations). */
export type Planned = { scenario: Scenario } | { skipped: string } | { inapplicable: true };

/** Starts a scenario by creating the resource (as `owner`); a reason instead when that cannot be planned. */
export function startWithCreate(
  ctx: PlanningContext,
  resource: Resource,
  scenarioId: string,
  agent: AgentName = 'stateful',
  owner?: string,
): ScenarioBuilder | string {
  const create = resource.create;
  if (create === undefined) return `no POST ${resource.collectionPath}`;
  if (resource.idSource === undefined) return `POST ${resource.collectionPath} does not say where the new identifier is`;
  const builder = new ScenarioBuilder(ctx, scenarioId, agent, owner);
  const { request, unbound } = builder.request(create);
  if (unbound.length > 0) return `no way to obtain ${unbound.join(', ')} for POST ${resource.collectionPath}`;
  const variable = builder.variableFor(create, resource.idSource);
  builder.add('create', create, request, {
    title: `Create ${withArticle(resource.name)}`,
    expectation: 'accept',
    expectStatus: 'success',
    extract: { [variable]: resource.idSource },
  });
  builder.remember(create.key, resource.idSource, variable);
  return builder;
}

export function lifecycleScenario(ctx: PlanningContext, resource: Resource): Planned {
  const id = `stateful:lifecycle:${resource.itemPath}`;
  const read = resource.read;
  if (read === undefined) return { inapplicable: true };
  const builder = startWithCreate(ctx, resource, id);
  if (typeof builder === 'string') return { skipped: `lifecycle of ${resource.itemPath}: ${builder}` };
  const readStep = (role: string, title: string, expectStatus: 'success' | 'not_found') =>
    builder.add(role, read, builder.request(read).request, { title, expectation: expectStatus === 'success' ? 'accept' : 'any', expectStatus });
  readStep('read-after-create', `Read the ${resource.name} just created`, 'success');
  if (resource.update !== undefined) {
    builder.add('update', resource.update, builder.request(resource.update).request, {
      title: `Update the ${resource.name}`,
      expectation: 'accept',
      expectStatus: 'success',
    });
    readStep('read-after-update', `Read the ${resource.name} after the update`, 'success');
  }
  const checks = ['resource_availability'];
  if (resource.remove !== undefined) {
    builder.add('delete', resource.remove, builder.request(resource.remove).request, {
      title: `Delete the ${resource.name}`,
      expectation: 'accept',
      expectStatus: 'success',
    });
    readStep('read-after-delete', `Read the ${resource.name} after deleting it`, 'not_found');
    checks.push('use_after_free');
  }
  const chain = resource.parentParams.length > 0;
  return {
    scenario: {
      id,
      agent: 'stateful',
      title: `${chain ? 'Parent/child chain' : 'Lifecycle'} of ${resource.itemPath}: ${builder.steps.map((s) => s.case.operation).join(' → ')}`,
      kind: chain ? 'parent_child' : 'lifecycle',
      operation: resource.create!.key,
      steps: builder.steps,
      checks,
    },
  };
}

export function createThenListScenario(ctx: PlanningContext, resource: Resource): Planned {
  const id = `stateful:create_then_list:${resource.collectionPath}`;
  const list = resource.list;
  if (list === undefined) return { inapplicable: true };
  const builder = startWithCreate(ctx, resource, id);
  if (typeof builder === 'string') return { skipped: `create then list of ${resource.collectionPath}: ${builder}` };
  builder.add('list', list, builder.request(list).request, {
    title: `List ${resource.collectionPath} after creating ${withArticle(resource.name)}`,
    expectation: 'accept',
    expectStatus: 'success',
  });
  return {
    scenario: {
      id,
      agent: 'stateful',
      title: `Create then list ${resource.collectionPath}`,
      kind: 'create_then_list',
      operation: list.key,
      steps: builder.steps,
      checks: ['resource_availability'],
    },
  };
}
