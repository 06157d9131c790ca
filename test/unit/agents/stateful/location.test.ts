// Creates that answer the new id only in a `Location` header: the stateful agent binds the id path
// parameter (and body references, children, dependency chains) to a pattern over the consumer's path.
import { beforeAll, describe, expect, it } from 'vitest';
import { authAgent } from '../../../../src/agents/auth/agent.js';
import { statefulAgent } from '../../../../src/agents/stateful/agent.js';
import { buildDependencyGraph } from '../../../../src/agents/stateful/dependency-graph.js';
import { givesBareValue, locationIdSource, pathParameterSource } from '../../../../src/agents/stateful/location-id.js';
import { roleOf } from '../../../../src/core/roles.js';
import type { Scenario } from '../../../../src/core/test-case.js';
import { matchPattern } from '../../../../src/core/extract-pattern.js';
import type { ApiModel } from '../../../../src/spec/model.js';
import { modelFrom } from '../../execution/checks/security-fixtures.js';

const LOCATION_ONLY = `
openapi: 3.0.3
info: { title: projects, version: '1' }
paths:
  /projects:
    post:
      requestBody: { required: true, content: { application/json: { schema: { type: object, required: [name], properties: { name: { type: string } } } } } }
      responses:
        '201': { description: created, headers: { Location: { schema: { type: string } } }, content: { application/json: { schema: { type: object, properties: { name: { type: string } } } } } }
  /projects/{projectId}:
    parameters: [ { name: projectId, in: path, required: true, schema: { type: string } } ]
    get: { responses: { '200': { description: ok }, '404': { description: unknown } } }
    put:
      requestBody: { required: true, content: { application/json: { schema: { type: object, properties: { name: { type: string } } } } } }
      responses: { '200': { description: ok } }
    delete: { responses: { '204': { description: gone } } }
  /projects/{projectId}/archive:
    post:
      parameters: [ { name: projectId, in: path, required: true, schema: { type: string } } ]
      responses: { '200': { description: ok } }
  /projects/{projectId}/tasks:
    parameters: [ { name: projectId, in: path, required: true, schema: { type: string } } ]
    post:
      responses: { '201': { description: created, headers: { location: { schema: { type: string } } } } }
  /projects/{projectId}/tasks/{taskId}:
    parameters: [ { name: projectId, in: path, required: true, schema: { type: string } }, { name: taskId, in: path, required: true, schema: { type: string } } ]
    get: { responses: { '200': { description: ok } } }
  /invoices:
    post:
      requestBody: { required: true, content: { application/json: { schema: { type: object, required: [projectId], properties: { projectId: { type: string } } } } } }
      responses: { '201': { description: created, content: { application/json: { schema: { type: object, properties: { id: { type: integer } } } } } } }
  /invoices/{id}:
    get: { parameters: [ { name: id, in: path, required: true, schema: { type: integer } } ], responses: { '200': { description: ok } } }
  /labels:
    post:
      operationId: createLabel
      responses:
        '201':
          description: created
          headers: { Location: { schema: { type: string } } }
          links: { read: { operationId: getLabel, parameters: { code: $response.header.Location } } }
  /labels/{code}:
    get: { operationId: getLabel, parameters: [ { name: code, in: path, required: true, schema: { type: string } } ], responses: { '200': { description: ok } } }
`;

const PROJECT_ID = '$response.header.Location#regex:/projects/([^/?#]+)/?(?:[?#]|$)';

let model: ApiModel;
beforeAll(async () => {
  model = await modelFrom(LOCATION_ONLY);
});

const plan = () => statefulAgent.plan(model, model.operations, { seed: 3, maxExamples: 1, identities: [] });
const shape = (scenario: Scenario) => scenario.steps.map((s) => `${roleOf(s.case.id)} ${s.case.operation}`);
const byId = (id: string) => plan().scenarios.find((s) => s.id === id);

describe('Location-only creates in the dependency graph', () => {
  it('reads the id through a pattern over the item path, for items, children and links alike', () => {
    const graph = buildDependencyGraph(model, model.operations);
    const sources = Object.fromEntries(graph.resources.filter((r) => r.create).map((r) => [r.itemPath, `${r.idSource} ${r.idSourceKind}`]));
    expect(sources).toEqual({
      '/projects/{projectId}': `${PROJECT_ID} location`,
      '/projects/{projectId}/tasks/{taskId}': '$response.header.Location#regex:/projects/[^/?#]+/tasks/([^/?#]+)/?(?:[?#]|$) location',
      '/invoices/{id}': '$response.body#/id inferred',
      // A link naming the whole header: a path parameter still needs the bare id.
      '/labels/{code}': '$response.header.Location#regex:/labels/([^/?#]+)/?(?:[?#]|$) link',
    });
    const edges = graph.edges.map((e) => `${e.producer} → ${e.consumer} ${e.target.in}:${e.target.name} = ${e.value}`);
    expect(edges).toEqual(
      expect.arrayContaining([
        `POST /projects → GET /projects/{projectId} path:projectId = ${PROJECT_ID}`,
        `POST /projects → POST /projects/{projectId}/archive path:projectId = ${PROJECT_ID}`,
        `POST /projects → POST /projects/{projectId}/tasks path:projectId = ${PROJECT_ID}`,
        `POST /projects → POST /invoices body:/projectId = ${PROJECT_ID}`,
        'POST /labels → GET /labels/{code} path:code = $response.header.Location#regex:/labels/([^/?#]+)/?(?:[?#]|$)',
      ]),
    );
  });

  it('the pattern takes the id from a relative or absolute Location, under a base path, percent-decoded', () => {
    const pattern = new RegExp(PROJECT_ID.slice(PROJECT_ID.indexOf('#regex:') + 7));
    expect(matchPattern('/projects/42', pattern)).toBe('42');
    expect(matchPattern('https://api.example.com/v2/projects/a%20b%2Fc/', pattern)).toBe('a b/c');
    expect(matchPattern('/projects/42/tasks/7', pattern)).toBeUndefined();
    expect(locationIdSource('/a/{x}/b/{y}', 'x')).toBe('$response.header.Location#regex:/a/([^/?#]+)/b/[^/?#]+/?(?:[?#]|$)');
    expect(pathParameterSource('$response.header.location', '/t/{id}', 'id')).toBe(locationIdSource('/t/{id}', 'id'));
    expect(pathParameterSource('$response.header.X-Id', '/t/{id}', 'id')).toBe('$response.header.X-Id');
    expect([givesBareValue('$response.header.Location'), givesBareValue(PROJECT_ID), givesBareValue('$response.body#/id')]).toEqual([false, true, true]);
  });
});

describe('Location-only creates in the stateful plan', () => {
  it('a full lifecycle with the id bound from the Location pattern, and no "not planned" note', () => {
    const lifecycle = byId('stateful:lifecycle:/projects/{projectId}')!;
    expect(shape(lifecycle)).toEqual([
      'create POST /projects',
      'read-after-create GET /projects/{projectId}',
      'update PUT /projects/{projectId}',
      'read-after-update GET /projects/{projectId}',
      'delete DELETE /projects/{projectId}',
      'read-after-delete GET /projects/{projectId}',
    ]);
    expect(lifecycle.steps[0]!.extract).toEqual({ project_id: PROJECT_ID });
    expect(lifecycle.steps.slice(1).map((s) => s.case.request.pathParams.projectId)).toEqual(Array(5).fill('{{project_id}}'));
    expect(lifecycle.checks).toEqual(['resource_availability', 'use_after_free']);
    expect(plan().notes.join(' ')).not.toMatch(/Location|not planned/);
  });

  it('children, body references and actions create the project first and use its id', () => {
    const tasks = byId('stateful:lifecycle:/projects/{projectId}/tasks/{taskId}')!;
    expect(shape(tasks)).toEqual(['setup-1 POST /projects', 'create POST /projects/{projectId}/tasks', 'read-after-create GET /projects/{projectId}/tasks/{taskId}']);
    expect(tasks.steps[0]!.extract).toEqual({ project_id: PROJECT_ID });
    expect(tasks.steps[1]!.case.request.pathParams).toEqual({ projectId: '{{project_id}}' });
    expect(tasks.steps[2]!.case.request.pathParams).toEqual({ projectId: '{{project_id}}', taskId: '{{task_id}}' });

    const invoices = byId('stateful:lifecycle:/invoices/{id}')!;
    expect(shape(invoices)).toEqual(['setup-1 POST /projects', 'create POST /invoices', 'read-after-create GET /invoices/{id}']);
    expect(invoices.steps[1]!.case.request.body!.value).toEqual({ projectId: '{{project_id}}' });

    const archive = byId('stateful:chain:POST /projects/{projectId}/archive')!;
    expect(shape(archive)).toEqual(['setup-1 POST /projects', 'call POST /projects/{projectId}/archive']);
    expect(archive.steps[0]!.extract).toEqual({ project_id: PROJECT_ID });
    expect(archive.steps[1]!.case.request.pathParams.projectId).toBe('{{project_id}}');
  });

  it('a link that names the whole Location header is read through the pattern too', () => {
    const labels = byId('stateful:lifecycle:/labels/{code}')!;
    expect(labels.steps[0]!.extract).toEqual({ label_id: '$response.header.Location#regex:/labels/([^/?#]+)/?(?:[?#]|$)' });
    expect(labels.steps[1]!.case.request.pathParams.code).toBe('{{label_id}}');
  });
});

describe('Location-only creates in the authorization plan', () => {
  it("bola's owner creates the project and the attacker addresses it by the id from the Location", async () => {
    const secured = await modelFrom(
      `${LOCATION_ONLY.replace('paths:', 'security: [ { bearer: [] } ]\npaths:')}components:\n  securitySchemes:\n    bearer: { type: http, scheme: bearer }\n`,
    );
    const identities = [{ name: 'default', role: 'admin' as const }, { name: 'mallory', role: 'user' as const }];
    const output = authAgent.plan(secured, secured.operations, { seed: 3, maxExamples: 1, identities });
    const bola = output.scenarios.find((s) => s.kind === 'bola' && s.operation === 'GET /projects/{projectId}')!;
    expect(bola.steps[0]!.extract).toEqual({ project_id: PROJECT_ID });
    const attacker = bola.steps.filter((s) => s.case.request.identity === 'mallory');
    expect(attacker.length).toBeGreaterThan(0);
    expect(attacker.every((s) => s.case.request.pathParams.projectId === '{{project_id}}')).toBe(true);
  });
});
