import { describe, expect, it } from 'vitest';
import { genericPointer, responseSchemaConformance } from '../../../../src/execution/checks/response-schema-conformance.js';
import { context, jsonReply, jsonResponse, operation, response, type ReplyOptions } from './fixtures.js';

const pet = {
  type: 'object',
  required: ['id', 'name'],
  properties: { id: { type: 'integer' }, name: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } },
};
const op = operation({ responses: [jsonResponse('200', pet), jsonResponse('4XX', { type: 'object', required: ['error'] }), response('204')] });

describe('response_schema_conformance', () => {
  const table: { name: string; reply: ReplyOptions; causes: string[] }[] = [
    { name: 'valid body', reply: jsonReply(200, { id: 1, name: 'Rex' }), causes: [] },
    { name: 'wrong type', reply: jsonReply(200, { id: '1', name: 'Rex' }), causes: ['type:/id'] },
    { name: 'missing required', reply: jsonReply(200, { id: 1 }), causes: ["required::must have required property 'name'"] },
    {
      name: 'same defect in many array items is one cause',
      reply: jsonReply(200, { id: 1, name: 'a', tags: [1, 2, 3] }),
      causes: ['type:/tags/*'],
    },
    { name: 'range response schema applies', reply: jsonReply(404, { message: 'x' }), causes: ["required::must have required property 'error'"] },
    { name: 'problem+json is judged as JSON', reply: jsonReply(200, { id: 1 }, 'application/problem+json'), causes: ["required::must have required property 'name'"] },
    { name: 'json parsed from the text when the runner did not', reply: { status: 200, headers: { 'content-type': 'application/json' }, body: '{"id":"x","name":"a"}' }, causes: ['type:/id'] },
    { name: 'a byte order mark is not malformed', reply: { status: 200, headers: { 'content-type': 'application/json' }, body: '\uFEFF{"id":1,"name":"a"}' }, causes: [] },
    { name: 'malformed JSON', reply: { status: 200, headers: { 'content-type': 'application/json' }, body: '{"id":' }, causes: ['malformed_json'] },
    { name: 'truncated body is not judged', reply: { ...jsonReply(200, {}), json: undefined, body: '{"id":', truncated: true }, causes: [] },
    { name: 'non-JSON content is not judged here', reply: { status: 200, headers: { 'content-type': 'text/html' }, body: '<p>' }, causes: [] },
    { name: 'undocumented status', reply: jsonReply(201, {}), causes: [] },
    { name: 'no documented content', reply: jsonReply(204, { x: 1 }), causes: [] },
    { name: '5xx is server_error', reply: jsonReply(500, {}), causes: [] },
    { name: 'empty body', reply: { status: 200, headers: { 'content-type': 'application/json' }, body: '' }, causes: [] },
  ];
  it.each(table)('$name', ({ reply, causes }) => {
    const drafts = responseSchemaConformance.run(context({ reply, op }));
    expect(drafts.map((d) => d.cause)).toEqual(causes);
  });

  it('names the failing location and keyword', () => {
    const [draft] = responseSchemaConformance.run(context({ reply: jsonReply(200, { id: 'one', name: 'a' }), op }));
    expect(draft!.message).toContain('/id');
    expect(draft!.message).toContain('type');
    expect(draft!.evidence).toBe('/id: "one"');
  });

  it('prefers a schema path when the validator gives one', () => {
    const ctx = context({ reply: jsonReply(200, { id: 1, name: 'a' }), op });
    ctx.validate = () => ({ valid: false, errors: [{ pointer: '/id', keyword: 'type', message: 'bad', schemaPath: '#/properties/id/type' } as never] });
    expect(responseSchemaConformance.run(ctx)[0]!.cause).toBe('type:#/properties/id/type');
  });

  it('caps drafts per response', () => {
    const wide = operation({ responses: [jsonResponse('200', { type: 'object', properties: Object.fromEntries([...'abcdefgh'].map((k) => [k, { type: 'integer' }])) })] });
    const body = Object.fromEntries([...'abcdefgh'].map((k) => [k, 'x']));
    expect(responseSchemaConformance.run(context({ reply: jsonReply(200, body), op: wide }))).toHaveLength(5);
  });

  it.each([
    ['/items/3/name', '/items/*/name'],
    ['/items/12', '/items/*'],
    ['/a1/b', '/a1/b'],
    ['', ''],
  ])('generic pointer %s → %s', (pointer, expected) => {
    expect(genericPointer(pointer)).toBe(expected);
  });
});

describe('response_schema_conformance with the project validator', () => {
  it('finds the defect and groups the same one across array items', async () => {
    const { createSchemaValidator } = await import('../../../../src/spec/validator.js');
    const { model } = await import('./fixtures.js');
    const list = operation({
      responses: [jsonResponse('200', { type: 'array', items: { type: 'object', properties: { joinedAt: { type: 'string', format: 'date-time' } } } })],
    });
    const validator = createSchemaValidator(model([list]));
    const ctx = context({ reply: jsonReply(200, [{ joinedAt: 1700000000 }, { joinedAt: 1700000001 }, { joinedAt: '2025-01-01T00:00:00Z' }]), op: list });
    ctx.validate = (schema, value) => validator.validate(schema as never, value);
    const drafts = responseSchemaConformance.run(ctx);
    expect(drafts.map((d) => d.cause)).toEqual(['type:/*/joinedAt']);
    expect(drafts[0]!.message).toContain('/0/joinedAt');
    ctx.exchange.response!.json = [{ joinedAt: 'yesterday' }];
    expect(responseSchemaConformance.run(ctx).map((d) => d.cause)).toEqual(['format:/*/joinedAt']);
  });
});
