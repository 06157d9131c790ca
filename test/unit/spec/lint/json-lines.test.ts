import { describe, expect, it } from 'vitest';
import { jsonLineLocator, withAncestors } from '../../../../src/spec/lint/json-lines.js';
import { createLocator } from '../../../../src/spec/locate.js';

const TEXT = JSON.stringify({
  openapi: '3.0.3',
  paths: { '/pets/{id}': { get: { parameters: [{ name: 'id', in: 'path', schema: { type: 'integer' } }], responses: { 200: { description: 'a "quoted" \\ pet' } } } } },
  components: { 'a~b': { list: [1, true, null, { x: -2.5e3 }] } },
}, null, 2);

const POINTERS = [
  '',
  '/openapi',
  '/paths/~1pets~1{id}/get',
  '/paths/~1pets~1{id}/get/parameters/0/schema',
  '/paths/~1pets~1{id}/get/parameters/0/schema/type',
  '/paths/~1pets~1{id}/get/responses/200/description',
  '/components/a~0b/list/2',
  '/components/a~0b/list/3/x',
];

describe('jsonLineLocator', () => {
  it.each(POINTERS)('agrees with the YAML locator on %s', (pointer) => {
    expect(jsonLineLocator(TEXT, POINTERS)(pointer)).toBe(createLocator(TEXT)(pointer));
  });

  it('tracks only the pointers asked for and their ancestors', () => {
    const locate = jsonLineLocator(TEXT, ['/paths/~1pets~1{id}/get/parameters/0']);
    expect(locate('/paths/~1pets~1{id}/get')).toBeGreaterThan(1);
    expect(locate('/openapi')).toBeUndefined();
    expect(locate('/paths/~1pets~1{id}/get/parameters/0/schema')).toBeUndefined();
  });

  it('finds pointers in one-line JSON', () => {
    expect(jsonLineLocator('{"a":{"b":[0,{"c":1}]}}', ['/a/b/1/c'])('/a/b/1/c')).toBe(1);
  });
});

describe('withAncestors', () => {
  it('adds every ancestor of each pointer', () => {
    expect([...withAncestors(['/a/b/c', '/a/d'])].sort()).toEqual(['', '/a', '/a/b', '/a/b/c', '/a/d']);
  });
});
