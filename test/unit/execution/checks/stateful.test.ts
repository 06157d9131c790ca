// use_after_free, resource_availability and failed_update_side_effect as tables over executed steps.
import { describe, expect, it } from 'vitest';
import type { ApiModel } from '../../../../src/spec/model.js';
import { failedUpdateSideEffect } from '../../../../src/execution/checks/failed-update-side-effect.js';
import { resourceAvailability } from '../../../../src/execution/checks/resource-availability.js';
import { useAfterFree } from '../../../../src/execution/checks/use-after-free.js';
import { executed, judgeScenario, request, type Reply } from './security-fixtures.js';

describe('use_after_free', () => {
  it.each([
    ['readable after a 204 delete', 204, 200, 1],
    ['404 after delete', 204, 404, 0],
    ['410 after delete', 200, 410, 0],
    ['delete refused (409), read 200', 409, 200, 0],
  ])('%s', (_name, deleteStatus, readStatus, expected) => {
    const steps = [executed('delete', {}, { status: deleteStatus }), executed('read-after-delete', {}, { status: readStatus, json: { id: 1 } })];
    expect(judgeScenario(useAfterFree, steps)).toHaveLength(expected);
  });
  it('a read that was not sent proves nothing', () => {
    expect(judgeScenario(useAfterFree, [executed('delete', {}, { status: 204 }), executed('read-after-delete', {})])).toEqual([]);
  });
});

describe('resource_availability', () => {
  const scenario = { steps: [{ case: { id: 's/create' } as never, extract: { item_id: '$response.body#/id' } }] };
  const model = (paginated: boolean) =>
    ({ operations: [{ key: 'GET /items', parameters: paginated ? [{ in: 'query', name: 'limit' }] : [] }] }) as unknown as ApiModel;
  const listOf = (ids: number[]): Reply => ({ status: 200, json: ids.map((id) => ({ id, name: `n${id}` })) });
  const run = (create: Reply, read: Reply | undefined, list: Reply | undefined, paginated = false) => {
    const steps = [executed('create', {}, create, { item_id: 7 })];
    if (read) steps.push(executed('read-after-create', {}, read, { item_id: 7 }));
    if (list) steps.push(executed('list', { operation: 'GET /items' }, list, { item_id: 7 }));
    return judgeScenario(resourceAvailability, steps, scenario, undefined, model(paginated)).map((f) => f.cause);
  };
  it.each([
    ['created then 404', { status: 201 }, { status: 404 }, undefined, false, ['not_found_after_create']],
    ['created then 200', { status: 201 }, { status: 200 }, undefined, false, []],
    ['creation failed, then 404', { status: 400 }, { status: 404 }, undefined, false, []],
    ['created then 403 (authorization, not availability)', { status: 201 }, { status: 403 }, undefined, false, []],
    ['missing from a short list', { status: 201 }, undefined, listOf([1, 2]), false, ['missing_from_list']],
    ['present in the list', { status: 201 }, undefined, listOf([1, 7]), false, []],
    ['wrapped list with the item', { status: 201 }, undefined, { status: 200, json: { items: [{ id: '7' }] } }, false, []],
    ['a full page of a paginated list', { status: 201 }, undefined, listOf([1, 2, 3, 4, 5, 6, 8, 9, 10, 11]), true, []],
    ['a long unpaginated list without it', { status: 201 }, undefined, listOf([1, 2, 3, 4, 5, 6, 8, 9, 10, 11]), false, ['missing_from_list']],
  ] as [string, Reply, Reply | undefined, Reply | undefined, boolean, string[]][])('%s', (_name, create, read, list, paginated, causes) => {
    expect(run(create, read, list, paginated)).toEqual(causes);
  });
});

describe('failed_update_side_effect', () => {
  const sent = { name: 'new name', price: -5 };
  const update = (status: number) => executed('invalid-update', { request: request({ method: 'patch', body: { mediaType: 'application/json', value: sent } }) }, { status });
  const read = (role: string, json: unknown) => executed(role, {}, { status: 200, json });
  it.each([
    ['valid part applied although refused', 400, { name: 'old', price: 3 }, { name: 'new name', price: 3 }, ['name']],
    ['invalid value stored', 422, { name: 'old', price: 3 }, { name: 'old', price: -5 }, ['price']],
    ['wrapped resource changed', 400, { data: { name: 'old', price: 3 } }, { data: { name: 'new name', price: 3 } }, ['name']],
    ['nothing changed', 400, { name: 'old', price: 3 }, { name: 'old', price: 3 }, []],
    ['a change not from this request (updatedAt)', 400, { name: 'old', updatedAt: 1 }, { name: 'old', updatedAt: 2 }, []],
    ['the update succeeded (negative_data_rejection’s case)', 200, { name: 'old', price: 3 }, { name: 'new name', price: 3 }, []],
    ['server error, not a refusal', 500, { name: 'old', price: 3 }, { name: 'new name', price: 3 }, []],
  ] as [string, number, unknown, unknown, string[]][])('%s', (_name, status, before, after, changed) => {
    const findings = judgeScenario(failedUpdateSideEffect, [read('read-before-update', before), update(status), read('read-after-update', after)]);
    if (changed.length === 0) expect(findings).toEqual([]);
    else {
      expect(findings).toHaveLength(1);
      expect(findings[0]!.message).toContain(changed.join(', '));
    }
  });
});
