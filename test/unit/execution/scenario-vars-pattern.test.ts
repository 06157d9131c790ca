// The run's scenario extraction reads the same forms as the load engine, `#regex:` included.
import { describe, expect, it } from 'vitest';
import type { ReceivedResponse } from '../../../src/core/exchange.js';
import { extractAll } from '../../../src/execution/scenario-vars.js';

const response = (headers: Record<string, string | string[]>, json?: unknown): ReceivedResponse => ({
  status: 201,
  headers,
  body: json === undefined ? '' : JSON.stringify(json),
  ...(json === undefined ? {} : { json }),
  truncated: false,
});

const ITEM = '$response.header.Location#regex:/items/([^/?#]+)/?(?:[?#]|$)';

describe('extractAll', () => {
  it.each([
    { case: 'a relative Location', headers: { location: '/items/42' }, rule: ITEM, value: '42' },
    { case: 'an absolute URL under a base path, percent-decoded', headers: { location: 'https://h/api/v1/items/it%2Bem%201?x=1' }, rule: ITEM, value: 'it+em 1' },
    { case: 'the whole match without a group', headers: { location: '/items/42' }, rule: '$response.header.Location#regex:\\d+$', value: '42' },
    { case: 'a header name in any case', headers: { 'x-ref': 'ref-7' }, rule: '$response.header.X-Ref#regex:ref-(\\d+)', value: '7' },
    { case: 'a plain header', headers: { location: '/items/42' }, rule: '$response.header.Location', value: '/items/42' },
  ])('$case', ({ headers, rule, value }) => {
    expect(extractAll({ id: rule }, response(headers), { before: 1 })).toEqual({ variables: { before: 1, id: value }, failed: [] });
  });

  it.each([
    { case: 'no match', headers: { location: '/things/42' }, rule: ITEM, problem: '/things/42 does not match' },
    { case: 'a deeper path than the template', headers: { location: '/items/42/parts/1' }, rule: ITEM, problem: '/items/42/parts/1 does not match' },
    { case: 'a missing header', headers: {}, rule: ITEM, problem: 'no such header' },
    { case: 'a bad pattern', headers: { location: '/items/42' }, rule: '$response.header.Location#regex:(', problem: 'bad pattern: ' },
    { case: 'a missing body value', headers: {}, rule: '$response.body#/id', problem: 'no value' },
  ])('fails on $case, naming the rule', ({ headers, rule, problem }) => {
    const { variables, failed } = extractAll({ id: rule }, response(headers, { name: 'x' }), {});
    expect(variables).toEqual({});
    expect(failed).toHaveLength(1);
    expect(failed[0]).toContain(`id (${rule}: ${problem}`);
  });

  it('body pointers still work beside a pattern, and nothing is read without a response', () => {
    const rules = { id: ITEM, name: '$response.body#/name' };
    expect(extractAll(rules, response({ location: '/items/9' }, { name: 'n' }), {}).variables).toEqual({ id: '9', name: 'n' });
    expect(extractAll(rules, undefined, { a: 1 })).toEqual({ variables: { a: 1 }, failed: [] });
  });
});
