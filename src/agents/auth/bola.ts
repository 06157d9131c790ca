// bola: an object created (or listed) by identity A, then read, changed and deleted by identity B.
// A's own read is the control: without it a refusal of B proves nothing either way.
import type { IdentityInfo } from '../../core/identity-info.js';
import type { Scenario } from '../../core/test-case.js';
import type { ApiModel } from '../../spec/model.js';
import { startWithCreate } from '../stateful/lifecycle.js';
import type { Resource } from '../stateful/resources.js';
import { ScenarioBuilder, type PlanningContext } from '../stateful/scenario-builder.js';
import { escapeToken, fieldsWithWrapping, successSchema } from '../stateful/schema-fields.js';
import { identifierMatches } from '../stateful/naming.js';
import { requiresAuth } from './security.js';

export interface IdentityPair {
  owner: IdentityInfo;
  attacker: IdentityInfo;
}

/** Ordered pairs where the attacker holds no admin role (admins may legitimately reach every object). */
export function bolaPairs(identities: IdentityInfo[], max = 4): IdentityPair[] {
  const pairs: IdentityPair[] = [];
  for (const attacker of identities.filter((i) => i.role !== 'admin')) {
    for (const owner of identities) if (owner.name !== attacker.name) pairs.push({ owner, attacker });
  }
  return pairs.slice(0, max);
}

export function bolaScenario(model: ApiModel, ctx: PlanningContext, resource: Resource, pair: IdentityPair): Scenario | string {
  const { read, update, remove } = resource;
  const targets = [
    { role: 'attacker-read', operation: read },
    { role: 'attacker-update', operation: update },
    { role: 'attacker-delete', operation: remove },
  ].filter((t) => t.operation !== undefined && requiresAuth(model, t.operation));
  if (read === undefined || targets.length === 0) return `${resource.itemPath}: no protected GET, PUT/PATCH or DELETE on an item`;
  const id = `auth:bola:${resource.itemPath}:${pair.owner.name}->${pair.attacker.name}`;
  const builder = ownerObject(ctx, resource, id, pair.owner.name);
  if (typeof builder === 'string') return `${resource.itemPath}: ${builder}`;
  builder.add('owner-read', read, builder.request(read).request, {
    title: `${pair.owner.name} reads its ${resource.name}`,
    expectation: 'accept',
    expectStatus: 'success',
  });
  for (const target of targets) {
    const request = { ...builder.request(target.operation!).request, identity: pair.attacker.name };
    builder.add(target.role, target.operation!, request, {
      title: `${pair.attacker.name} calls ${target.operation!.key} on ${pair.owner.name}'s ${resource.name}`,
      checks: ['bola'],
    });
  }
  return {
    id,
    agent: 'auth',
    title: `${pair.attacker.name} reaches ${pair.owner.name}'s ${resource.name} (${resource.itemPath})`,
    kind: 'bola',
    operation: read.key,
    steps: builder.steps,
    checks: ['bola'],
  };
}

/** The owner's object: one it creates, else the first one its listing shows. */
function ownerObject(ctx: PlanningContext, resource: Resource, id: string, owner: string): ScenarioBuilder | string {
  const created = startWithCreate(ctx, resource, id, 'auth', owner);
  if (typeof created !== 'string' || resource.list === undefined) return created;
  const pointer = firstItemPointer(ctx.model, resource);
  if (pointer === undefined) return created;
  const builder = new ScenarioBuilder(ctx, id, 'auth', owner);
  const { request, unbound } = builder.request(resource.list);
  if (unbound.length > 0) return created;
  const variable = builder.variableFor(resource.list, pointer);
  const value = `$response.body#${pointer}`;
  builder.add('owner-list', resource.list, request, {
    title: `${owner} lists ${resource.collectionPath} and picks the first`,
    expectation: 'accept',
    expectStatus: 'success',
    extract: { [variable]: value },
  });
  builder.bindParameter(resource.idParam, variable);
  return builder;
}

/** `/0/id` for an array of items, `/items/0/id` for `{ "items": [...] }`. */
function firstItemPointer(model: ApiModel, resource: Resource): string | undefined {
  const schema = successSchema(resource.list!);
  const itemsOf = (s: unknown) => (typeof s === 'object' && s !== null && (s as { type?: unknown }).type === 'array' ? (s as { items?: unknown }).items : undefined);
  const direct = itemsOf(schema);
  const candidates: { prefix: string; items: unknown }[] = direct !== undefined ? [{ prefix: '/0', items: direct }] : [];
  for (const field of fieldsWithWrapping(model, schema)) {
    const items = itemsOf(field.schema);
    if (items !== undefined) candidates.push({ prefix: `${field.pointer}/0`, items });
  }
  for (const { prefix, items } of candidates) {
    const field = fieldsWithWrapping(model, items as never).find((f) => identifierMatches(resource.idParam, f.name, resource.name));
    if (field !== undefined) return `${prefix}/${escapeToken(field.name)}`;
  }
  return undefined;
}
