import { describe, expect, it } from 'vitest';
import type { PlannedRequest } from '../../../../src/core/test-case.js';
import { buildRequest, joinUrl } from '../../../../src/execution/serialize/request.js';
import type { Operation, Parameter } from '../../../../src/spec/model.js';

function param(name: string, location: Parameter['in'], extra: Partial<Parameter> = {}): Parameter {
  const style = location === 'path' || location === 'header' ? 'simple' : 'form';
  return { name, in: location, required: location === 'path', style, explode: style === 'form', allowReserved: false, deprecated: false, schema: {}, examples: [], pointer: '', ...extra };
}

function operation(path: string, parameters: Parameter[], extra: Partial<Operation> = {}): Operation {
  return { key: `POST ${path}`, method: 'post', path, tags: [], deprecated: false, parameters, responses: [], links: [], pointer: '', extensions: {}, ...extra };
}

function planned(extra: Partial<PlannedRequest>): PlannedRequest {
  return { method: 'post', pathParams: {}, query: {}, headers: {}, cookies: {}, ...extra };
}

describe('buildRequest', () => {
  it('fills path styles, query styles, headers and cookies by their declared style', () => {
    const op = operation('/items/{id}/{coords}', [
      param('id', 'path'),
      param('coords', 'path', { style: 'matrix', explode: true }),
      param('tags', 'query', { explode: false }),
      param('filter', 'query', { style: 'deepObject', explode: true }),
      param('X-Ids', 'header'),
      param('session', 'cookie'),
    ]);
    const request = buildRequest(
      op,
      planned({
        pathParams: { id: 'a b', coords: { x: 1, y: 2 } },
        query: { tags: ['red', 'green'], filter: { status: 'open' } },
        headers: { 'X-Ids': [1, 2] },
        cookies: { session: 'abc' },
      }),
      'http://127.0.0.1:9/api/',
      {},
    );
    expect(request.url).toBe('http://127.0.0.1:9/api/items/a%20b/;x=1;y=2?tags=red,green&filter[status]=open');
    expect(request.headers['x-ids']).toBe('1,2');
    expect(request.headers.cookie).toBe('session=abc');
    expect(request.method).toBe('POST');
  });

  it('lets credentials win over a same-named header parameter and joins cookies', () => {
    const op = operation('/x', [param('Authorization', 'header'), param('c', 'cookie')]);
    const request = buildRequest(op, planned({ headers: { Authorization: 'junk' }, cookies: { c: '1' } }), 'http://h', { Authorization: 'Bearer t', cookie: 'sid=2' });
    expect(request.headers.authorization).toBe('Bearer t');
    expect(request.headers.cookie).toBe('c=1; sid=2');
  });

  it('keeps allowReserved characters and escapes them otherwise', () => {
    const op = operation('/x', [param('r', 'query', { allowReserved: true }), param('e', 'query')]);
    const request = buildRequest(op, planned({ query: { r: 'a/b?c', e: 'a/b?c' } }), 'http://h', {});
    expect(request.url).toBe('http://h/x?r=a/b?c&e=a%2Fb%3Fc');
  });

  it('leaves a missing path parameter visibly unfilled rather than guessing', () => {
    const request = buildRequest(operation('/items/{id}', [param('id', 'path')]), planned({}), 'http://h', {});
    expect(request.url).toBe('http://h/items/%7Bid%7D');
  });

  it.each([
    ['JSON', { mediaType: 'application/json', value: { a: 1 } }, 'application/json', '{"a":1}'],
    ['+json', { mediaType: 'application/problem+json', value: [1] }, 'application/problem+json', '[1]'],
    ['raw wins over value', { mediaType: 'application/json', value: { a: 1 }, raw: '{"a":' }, 'application/json', '{"a":'],
    ['empty raw', { mediaType: 'application/json', raw: '' }, 'application/json', ''],
    ['form-urlencoded', { mediaType: 'application/x-www-form-urlencoded', value: { name: 'a b', tags: ['x', 'y'], meta: { k: 1 } } }, 'application/x-www-form-urlencoded', 'name=a%20b&tags=x&tags=y&meta=%7B%22k%22%3A1%7D'],
    ['text', { mediaType: 'text/plain', value: 'hello' }, 'text/plain', 'hello'],
  ])('serializes a %s body', (_name, body, contentType, text) => {
    const request = buildRequest(operation('/x', []), planned({ body }), 'http://h', {});
    expect(request.headers['content-type']).toBe(contentType);
    expect(request.body).toBe(text);
  });

  it('sends no body and no content type when there is neither value nor raw', () => {
    const request = buildRequest(operation('/x', []), planned({ body: { mediaType: 'application/json' } }), 'http://h', {});
    expect(request.body).toBeUndefined();
    expect(request.headers['content-type']).toBeUndefined();
  });

  it('serializes multipart with file parts for binary properties and JSON parts for objects', () => {
    const op = operation('/upload', [], {
      requestBody: {
        required: true,
        pointer: '',
        content: [{ mediaType: 'multipart/form-data', examples: [], schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' }, meta: { type: 'object' }, note: { type: 'string' } } } }],
      },
    });
    const request = buildRequest(op, planned({ body: { mediaType: 'multipart/form-data', value: { file: 'BYTES', meta: { a: 1 }, note: 'hi' } } }), 'http://h', {});
    const contentType = request.headers['content-type']!;
    const boundary = /boundary=(.+)$/.exec(contentType)![1]!;
    expect(contentType.startsWith('multipart/form-data; boundary=')).toBe(true);
    expect(request.body).toBe(
      [
        `--${boundary}`,
        'Content-Disposition: form-data; name="file"; filename="file"',
        'Content-Type: application/octet-stream',
        '',
        'BYTES',
        `--${boundary}`,
        'Content-Disposition: form-data; name="meta"',
        'Content-Type: application/json',
        '',
        '{"a":1}',
        `--${boundary}`,
        'Content-Disposition: form-data; name="note"',
        '',
        'hi',
        `--${boundary}--`,
        '',
      ].join('\r\n'),
    );
  });

  it.each([
    ['http://h', '/p', 'http://h/p'],
    ['http://h/', '/p', 'http://h/p'],
    ['http://h/api/v1', '/p', 'http://h/api/v1/p'],
    ['http://h/api/v1/', 'p', 'http://h/api/v1/p'],
  ])('joins %s and %s', (base, path, url) => {
    expect(joinUrl(base, path)).toBe(url);
  });
});
