import { describe, expect, it } from 'vitest';
import { parseFilter, selectOperations } from '../../../src/orchestration/select-operations.js';
import type { Operation } from '../../../src/spec/model.js';

const op = (method: Operation['method'], path: string, tags: string[], operationId?: string) =>
  ({ key: `${method.toUpperCase()} ${path}`, method, path, tags, ...(operationId ? { operationId } : {}) }) as Operation;

const operations = [
  op('get', '/pets', ['pets'], 'listPets'),
  op('post', '/pets', ['pets'], 'createPet'),
  op('get', '/pets/{id}', ['pets'], 'getPet'),
  op('delete', '/pets/{id}', ['pets', 'admin'], 'deletePet'),
  op('get', '/users', ['Users']),
];

const keys = (include: string[], exclude: string[] = []) =>
  selectOperations(
    operations,
    include.map((t) => parseFilter(t, '--include')),
    exclude.map((t) => parseFilter(t, '--exclude')),
  ).map((o) => o.key);

describe('--include / --exclude', () => {
  it.each([
    [[], [], ['GET /pets', 'POST /pets', 'GET /pets/{id}', 'DELETE /pets/{id}', 'GET /users']],
    [['tag:pets'], [], ['GET /pets', 'POST /pets', 'GET /pets/{id}', 'DELETE /pets/{id}']],
    [['tag:users'], [], ['GET /users']],
    [['method:GET'], [], ['GET /pets', 'GET /pets/{id}', 'GET /users']],
    [['method:post,delete'], [], ['POST /pets', 'DELETE /pets/{id}']],
    [['path:/pets*'], [], ['GET /pets', 'POST /pets', 'GET /pets/{id}', 'DELETE /pets/{id}']],
    [['path:/pets'], [], ['GET /pets', 'POST /pets']],
    [['path:/pets/{id}'], [], ['GET /pets/{id}', 'DELETE /pets/{id}']],
    [['operationId:listPets'], [], ['GET /pets']],
    [['operationId:*Pet'], [], ['POST /pets', 'GET /pets/{id}', 'DELETE /pets/{id}']],
    [['OperationId:listpets'], [], []],
    [['tag:pets', 'path:/users'], [], ['GET /pets', 'POST /pets', 'GET /pets/{id}', 'DELETE /pets/{id}', 'GET /users']],
    [['tag:pets'], ['tag:admin'], ['GET /pets', 'POST /pets', 'GET /pets/{id}']],
    [[], ['method:get'], ['POST /pets', 'DELETE /pets/{id}']],
  ])('include %j exclude %j', (include, exclude, expected) => {
    expect(keys(include, exclude)).toEqual(expected);
  });

  it.each(['pets', 'verb:GET', 'tag:', ':x'])('rejects %j with the accepted syntax', (text) => {
    expect(() => parseFilter(text, '--include')).toThrow(/--include .*kind:pattern with kind path, method, tag or operationId/);
  });
});
