// A refused update must change nothing: create → read → update with one valid change and one invalid
// property (expect 4xx) → read. failed_update_side_effect compares the two reads.
import type { Scenario } from '../../core/test-case.js';
import type { Resource } from './resources.js';
import { startWithCreate, type Planned } from './lifecycle.js';
import type { PlanningContext } from './scenario-builder.js';
import { bodyContent } from './valid-request.js';

export function failedUpdateScenario(ctx: PlanningContext, resource: Resource): Planned {
  const id = `stateful:failed_update:${resource.itemPath}`;
  const { read, update } = resource;
  if (read === undefined || update === undefined) return { inapplicable: true };
  const content = bodyContent(update);
  // Every optional property, not the spec's example: the probe needs a second property to carry a change.
  const base = content === undefined ? undefined : ctx.generator.valid(content.schema, { optional: 'all' });
  // With a single property, a refused update has nothing valid to leave behind.
  if (content === undefined || !isObject(base) || Object.keys(base).length < 2) return { inapplicable: true };
  // One top-level property made invalid while the others carry valid new values: a server that
  // validates before writing changes nothing; one that writes field by field keeps the valid ones.
  // A documented property with a wrong value reads as the classic partial write; an unknown property
  // is the fallback.
  const probes = ctx.generator
    .invalid(content.schema, { base })
    .filter((p) => /^\/[^/]+$/.test(p.pointer) && isObject(p.value) && Object.keys(p.value).length >= 2);
  const probe = probes.find((p) => p.pointer.slice(1) in base) ?? probes[0];
  if (probe === undefined) return { skipped: `failed update of ${resource.itemPath}: no property can be made invalid` };

  const builder = startWithCreate(ctx, resource, id);
  if (typeof builder === 'string') return { skipped: `failed update of ${resource.itemPath}: ${builder}` };
  builder.add('read-before-update', read, builder.request(read).request, {
    title: `Read the ${resource.name} before the update`,
    expectation: 'accept',
    expectStatus: 'success',
  });
  const request = builder.request(update).request;
  request.body = { mediaType: content.mediaType, value: probe.value };
  const step = builder.add('invalid-update', update, request, {
    title: `Update the ${resource.name} with an invalid ${probe.pointer.slice(1)} (${probe.constraint})`,
    expectation: 'reject',
    expectStatus: 'client_error',
  });
  step.case.mutation = { location: 'body', target: probe.pointer, constraint: probe.constraint, description: probe.description };
  builder.add('read-after-update', read, builder.request(read).request, {
    title: `Read the ${resource.name} after the refused update`,
    expectation: 'accept',
    expectStatus: 'success',
  });
  const scenario: Scenario = {
    id,
    agent: 'stateful',
    title: `Failed update of ${resource.itemPath} must change nothing`,
    kind: 'failed_update',
    operation: update.key,
    steps: builder.steps,
    checks: ['failed_update_side_effect'],
  };
  return { scenario };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
