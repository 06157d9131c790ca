// Dependency inference without annotations (names, schemas, parents, links, Location) and the shape of
// the scenarios the stateful agent plans from it.
import { beforeAll, describe, expect, it } from 'vitest';
import { statefulAgent } from '../../../../src/agents/stateful/agent.js';
import { buildDependencyGraph } from '../../../../src/agents/stateful/dependency-graph.js';
import { identifierMatches, referencedResource, singular } from '../../../../src/agents/stateful/naming.js';
import { roleOf } from '../../../../src/core/roles.js';
import type { Scenario } from '../../../../src/core/test-case.js';
import type { ApiModel } from '../../../../src/spec/model.js';
import { modelFrom } from '../../execution/checks/security-fixtures.js';
import { SHOP_YAML } from './fixtures.js';

let model: ApiModel;
beforeAll(async () => {
  model = await modelFrom(SHOP_YAML);
});

describe('names', () => {
  it.each([
    ['items', 'item'],
    ['categories', 'category'],
    ['boxes', 'box'],
    ['addresses', 'address'],
    ['glass', 'glass'],
    ['item', 'item'],
  ])('singular(%s) = %s', (plural, expected) => {
    expect(singular(plural)).toBe(expected);
  });
  it.each([
    ['itemId', 'id', 'items', true],
    ['id', 'id', 'items', true],
    ['item_id', 'itemId', 'items', true],
    ['id', 'itemId', 'items', true],
    ['orderId', 'id', 'items', false],
    ['itemId', 'name', 'items', false],
  ] as const)('parameter %s ← field %s of %s: %s', (parameter, field, resource, expected) => {
    expect(identifierMatches(parameter, field, resource)).toBe(expected);
  });
  it.each([
    ['itemId', 'item'],
    ['item_id', 'item'],
    ['userID', 'user'],
    ['id', undefined],
    ['name', undefined],
  ])('referencedResource(%s) = %s', (field, expected) => {
    expect(referencedResource(field)).toBe(expected);
  });
});

describe('dependency graph', () => {
  it('infers resources, identifier sources and their kind', () => {
    const graph = buildDependencyGraph(model, model.operations);
    const summary = Object.fromEntries(graph.resources.map((r) => [r.itemPath, `${r.create?.key ?? '-'} ${r.idSource ?? '-'} ${r.idSourceKind ?? '-'}`]));
    expect(summary).toEqual({
      '/items/{itemId}': 'POST /items $response.body#/id inferred',
      '/orders/{orderId}': 'POST /orders $response.body#/orderId inferred',
      '/users/{userId}': 'POST /users $response.body#/data/id inferred',
      '/users/{userId}/notes/{noteId}': 'POST /users/{userId}/notes $response.body#/id inferred',
      '/boxes/{key}': 'POST /boxes $response.body#/ref link',
      '/tickets/{ticketId}': 'POST /tickets $response.header.Location#regex:/tickets/([^/?#]+)/?(?:[?#]|$) location',
    });
  });

  it('links producers to path parameters, parents to children, and body references to creators', () => {
    const graph = buildDependencyGraph(model, model.operations);
    const edges = graph.edges.map((e) => `${e.producer} → ${e.consumer} ${e.target.in}:${e.target.name} [${e.source}]`);
    expect(edges).toEqual(
      expect.arrayContaining([
        'POST /items → GET /items/{itemId} path:itemId [inferred]',
        'POST /items → DELETE /items/{itemId} path:itemId [inferred]',
        'POST /items → POST /orders body:/itemId [inferred]',
        'POST /users → POST /users/{userId}/notes path:userId [inferred]',
        'POST /users → GET /users/{userId}/notes/{noteId} path:userId [inferred]',
        'POST /users/{userId}/notes → GET /users/{userId}/notes/{noteId} path:noteId [inferred]',
        'POST /boxes → GET /boxes/{key} path:key [link]',
        'POST /tickets → GET /tickets/{ticketId} path:ticketId [location]',
      ]),
    );
    // An order's own create does not feed its itemId from itself.
    expect(edges.filter((e) => e.startsWith('POST /orders → POST /orders'))).toEqual([]);
  });
});

describe('stateful agent plans', () => {
  const plan = () => statefulAgent.plan(model, model.operations, { seed: 7, maxExamples: 3, identities: [] });
  const shape = (scenario: Scenario) => scenario.steps.map((s) => `${roleOf(s.case.id)} ${s.case.operation}`);

  it('a full lifecycle with values threaded from the create response', () => {
    const lifecycle = plan().scenarios.find((s) => s.id === 'stateful:lifecycle:/items/{itemId}')!;
    expect(shape(lifecycle)).toEqual([
      'create POST /items',
      'read-after-create GET /items/{itemId}',
      'update PATCH /items/{itemId}',
      'read-after-update GET /items/{itemId}',
      'delete DELETE /items/{itemId}',
      'read-after-delete GET /items/{itemId}',
    ]);
    expect(lifecycle.checks).toEqual(['resource_availability', 'use_after_free']);
    expect(lifecycle.steps[0]!.extract).toEqual({ item_id: '$response.body#/id' });
    expect(lifecycle.steps.slice(1).map((s) => s.case.request.pathParams.itemId)).toEqual(Array(5).fill('{{item_id}}'));
    expect(lifecycle.steps.at(-1)!.expectStatus).toBe('not_found');
    expect(lifecycle.steps.at(-1)!.case.expectation).toBe('any');
  });

  it('creates what a body field refers to first (orders need an item)', () => {
    const orders = plan().scenarios.find((s) => s.id === 'stateful:lifecycle:/orders/{orderId}')!;
    expect(shape(orders)).toEqual(['setup-1 POST /items', 'create POST /orders', 'read-after-create GET /orders/{orderId}']);
    expect((orders.steps[1]!.case.request.body!.value as { itemId: unknown }).itemId).toBe('{{item_id}}');
    expect(orders.steps[2]!.case.request.pathParams.orderId).toBe('{{order_orderId}}');
  });

  it('chains parents and children (a note of a user), reading a wrapped identifier', () => {
    const notes = plan().scenarios.find((s) => s.id === 'stateful:lifecycle:/users/{userId}/notes/{noteId}')!;
    expect(notes.kind).toBe('parent_child');
    expect(shape(notes)).toEqual(['setup-1 POST /users', 'create POST /users/{userId}/notes', 'read-after-create GET /users/{userId}/notes/{noteId}']);
    expect(notes.steps[0]!.extract).toEqual({ user_id: '$response.body#/data/id' });
    expect(notes.steps[2]!.case.request.pathParams).toEqual({ userId: '{{user_id}}', noteId: '{{note_id}}' });
  });

  it('follows an OpenAPI link, and reads a Location-only id through a pattern over the read path', () => {
    const output = plan();
    const boxes = output.scenarios.find((s) => s.id === 'stateful:lifecycle:/boxes/{key}')!;
    expect(boxes.steps[0]!.extract).toEqual({ box_ref: '$response.body#/ref' });
    expect(boxes.steps[1]!.case.request.pathParams.key).toBe('{{box_ref}}');
    const tickets = output.scenarios.find((s) => s.id === 'stateful:lifecycle:/tickets/{ticketId}')!;
    expect(tickets.steps[0]!.extract).toEqual({ ticket_id: '$response.header.Location#regex:/tickets/([^/?#]+)/?(?:[?#]|$)' });
    expect(tickets.steps[1]!.case.request.pathParams.ticketId).toBe('{{ticket_id}}');
    expect(output.notes.join(' ')).not.toContain('Location');
  });

  it('create then list, and a failed update whose body mixes a valid change with one invalid property', () => {
    const output = plan();
    expect(shape(output.scenarios.find((s) => s.kind === 'create_then_list')!)).toEqual(['create POST /items', 'list GET /items']);
    const failed = output.scenarios.find((s) => s.kind === 'failed_update')!;
    expect(shape(failed)).toEqual([
      'create POST /items',
      'read-before-update GET /items/{itemId}',
      'invalid-update PATCH /items/{itemId}',
      'read-after-update GET /items/{itemId}',
    ]);
    const invalid = failed.steps[2]!.case;
    expect(invalid.expectation).toBe('reject');
    expect(invalid.mutation?.location).toBe('body');
    expect(Object.keys(invalid.request.body!.value as object).sort()).toEqual(['name', 'price']);
  });

  it('is deterministic for a seed', () => {
    expect(JSON.stringify(plan())).toBe(JSON.stringify(plan()));
  });
});
