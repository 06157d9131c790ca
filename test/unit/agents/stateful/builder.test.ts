// The scenario builder on awkward graphs: references in a cycle, and a parameter nothing produces.
import { describe, expect, it } from 'vitest';
import { planningContext } from '../../../../src/agents/stateful/agent.js';
import { roleOf } from '../../../../src/core/roles.js';
import { ScenarioBuilder } from '../../../../src/agents/stateful/scenario-builder.js';
import { modelFrom } from '../../execution/checks/security-fixtures.js';

const CYCLE = `
openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /as:
    post:
      requestBody: { required: true, content: { application/json: { schema: { type: object, required: [bId], properties: { bId: { type: integer } } } } } }
      responses: { '201': { description: ok, content: { application/json: { schema: { type: object, properties: { id: { type: integer } } } } } } }
  /as/{aId}: { get: { parameters: [ { name: aId, in: path, required: true, schema: { type: integer } } ], responses: { '200': { description: ok } } } }
  /bs:
    post:
      requestBody: { required: true, content: { application/json: { schema: { type: object, required: [aId], properties: { aId: { type: integer } } } } } }
      responses: { '201': { description: ok, content: { application/json: { schema: { type: object, properties: { id: { type: integer } } } } } } }
  /bs/{bId}: { get: { parameters: [ { name: bId, in: path, required: true, schema: { type: integer } } ], responses: { '200': { description: ok } } } }
  /orphans/{orphanId}: { get: { parameters: [ { name: orphanId, in: path, required: true, schema: { type: integer } } ], responses: { '200': { description: ok } } } }
`;

describe('ScenarioBuilder', () => {
  it('stops at a reference cycle instead of recursing forever, and binds what it can', async () => {
    const model = await modelFrom(CYCLE);
    const ctx = planningContext(model, model.operations, 1, 'test');
    const builder = new ScenarioBuilder(ctx, 'x', 'stateful');
    const { request, unbound } = builder.request(ctx.operations.get('GET /as/{aId}')!);
    expect(unbound).toEqual([]);
    expect(request.pathParams.aId).toMatch(/^\{\{a_id(_\d+)?\}\}$/);
    // a ← b ← (a would be next: the cycle) so b is created with a generated aId, then a.
    expect(builder.steps.map((s) => `${roleOf(s.case.id)} ${s.case.operation}`)).toEqual(['setup-1 POST /bs', 'setup-2 POST /as']);
    expect((builder.steps[1]!.case.request.body!.value as { bId: unknown }).bId).toBe('{{b_id}}');
  });

  it('reports a path parameter nothing produces as unbound', async () => {
    const model = await modelFrom(CYCLE);
    const ctx = planningContext(model, model.operations, 1, 'test');
    const builder = new ScenarioBuilder(ctx, 'x', 'stateful');
    expect(builder.request(ctx.operations.get('GET /orphans/{orphanId}')!).unbound).toEqual(['orphanId']);
    expect(builder.steps).toEqual([]);
  });
});

const ACTIONS = `
openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /orders:
    post: { responses: { '201': { description: ok, content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } } } } }
  /orders/{id}:
    get: { parameters: [ { name: id, in: path, required: true, schema: { type: string } } ], responses: { '200': { description: ok } } }
  /orders/{id}/cancel:
    post: { parameters: [ { name: id, in: path, required: true, schema: { type: string } } ], responses: { '200': { description: ok } } }
  /tickets:
    post: { responses: { '201': { description: ok, headers: { Location: { schema: { type: string } } } } } }
  /tickets/{ticketId}/close:
    post: { parameters: [ { name: ticketId, in: path, required: true, schema: { type: string } } ], responses: { '200': { description: ok } } }
`;

describe('dependency chains', () => {
  it('an action on an existing order is sent on a created one; lifecycle operations are not repeated', async () => {
    const { statefulAgent } = await import('../../../../src/agents/stateful/agent.js');
    const model = await modelFrom(ACTIONS);
    const chains = statefulAgent.plan(model, model.operations, { seed: 1, maxExamples: 1, identities: [] }).scenarios.filter((s) => s.kind === 'dependency_chain');
    expect(chains.map((s) => s.steps.map((step) => `${roleOf(step.case.id)} ${step.case.operation}`))).toEqual([['setup-1 POST /orders', 'call POST /orders/{id}/cancel']]);
    expect(chains[0]!.steps[1]!.case.request.pathParams.id).toBe('{{order_id}}');
  });
});
