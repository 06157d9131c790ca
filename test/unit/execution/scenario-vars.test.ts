import { describe, expect, it } from 'vitest';
import type { PlannedRequest } from '../../../src/core/test-case.js';
import type { ReceivedResponse } from '../../../src/core/exchange.js';
import { extract, extractAll, substitute } from '../../../src/execution/scenario-vars.js';

const response: ReceivedResponse = {
  status: 201,
  headers: { location: '/items/42', 'set-cookie': ['a=1', 'b=2'] },
  body: '{"id":42,"owner":{"name":"ann"},"tags":["x","y"],"a/b":1,"m~n":2}',
  json: { id: 42, owner: { name: 'ann' }, tags: ['x', 'y'], 'a/b': 1, 'm~n': 2 },
  truncated: false,
};

describe('extraction', () => {
  it.each([
    ['$response.body#/id', 42],
    ['$response.body#/owner/name', 'ann'],
    ['$response.body#/tags/1', 'y'],
    ['$response.body#/a~1b', 1],
    ['$response.body#/m~0n', 2],
    ['$response.body#/missing', undefined],
    ['$response.body#/tags/9', undefined],
    ['$response.header.Location', '/items/42'],
    ['$response.header.set-cookie', 'a=1'],
    ['$response.header.X-None', undefined],
    ['$statusCode', 201],
  ])('%s → %j', (rule, value) => {
    expect(extract(rule, response)).toEqual(value);
  });

  it('sets only the values found', () => {
    expect(extractAll({ id: '$response.body#/id', gone: '$response.body#/nope' }, response, { prior: 1 }).variables).toEqual({ prior: 1, id: 42 });
  });
});

describe('substitution', () => {
  const planned: PlannedRequest = {
    method: 'put',
    pathParams: { id: '{{id}}' },
    query: { q: 'owner-{{name}}' },
    headers: { 'If-Match': '{{ etag }}' },
    cookies: {},
    body: { mediaType: 'application/json', value: { ref: '{{id}}', list: ['{{name}}'] } },
  };

  it('keeps the type of a whole placeholder and splices partial ones', () => {
    const { request, missing } = substitute(planned, { id: 42, name: 'ann', etag: 'W/"1"' });
    expect(missing).toEqual([]);
    expect(request.pathParams.id).toBe(42);
    expect(request.query.q).toBe('owner-ann');
    expect(request.headers['If-Match']).toBe('W/"1"');
    expect(request.body?.value).toEqual({ ref: 42, list: ['ann'] });
  });

  it('names every missing variable so the step is not sent', () => {
    expect(substitute(planned, { name: 'x' }).missing.sort()).toEqual(['etag', 'id']);
  });
});
