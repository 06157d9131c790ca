// XML bodies per the OpenAPI "XML Object" examples.
import { describe, expect, it } from 'vitest';
import { toXml } from '../../../../src/execution/serialize/xml.js';
import { buildRequest } from '../../../../src/execution/serialize/request.js';
import type { Operation } from '../../../../src/spec/model.js';

const PROLOG = '<?xml version="1.0" encoding="UTF-8"?>';

describe('toXml', () => {
  it.each([
    ['element names from xml.name', { id: 1, name: 'Rex' }, { xml: { name: 'animal' }, properties: { id: {}, name: {} } }, '<animal><id>1</id><name>Rex</name></animal>'],
    ['attributes', { id: 123, name: 'example' }, { xml: { name: 'Person' }, properties: { id: { xml: { attribute: true } }, name: {} } }, '<Person id="123"><name>example</name></Person>'],
    ['prefix and namespace', { id: 1 }, { xml: { name: 'Person', prefix: 'sample', namespace: 'http://example.com/schema/sample' }, properties: { id: {} } }, '<sample:Person xmlns:sample="http://example.com/schema/sample"><id>1</id></sample:Person>'],
    ['unwrapped arrays repeat the property', { animals: ['a', 'b'] }, { properties: { animals: { type: 'array', items: {} } } }, '<root><animals>a</animals><animals>b</animals></root>'],
    ['unwrapped arrays with named items', { animals: ['a', 'b'] }, { properties: { animals: { type: 'array', items: { xml: { name: 'animal' } } } } }, '<root><animal>a</animal><animal>b</animal></root>'],
    ['wrapped arrays', { animals: ['a', 'b'] }, { properties: { animals: { type: 'array', xml: { wrapped: true }, items: { xml: { name: 'animal' } } } } }, '<root><animals><animal>a</animal><animal>b</animal></animals></root>'],
    ['nested objects and escaping', { note: { text: '<b>&"x"' } }, {}, '<root><note><text>&lt;b&gt;&amp;&quot;x&quot;</text></note></root>'],
    ['null and empty', { a: null, b: {} }, {}, '<root><a/><b/></root>'],
  ])('%s', (_name, value, schema, xml) => {
    expect(toXml(value, schema)).toBe(PROLOG + xml);
  });

  it('is used for XML media types by buildRequest, with the body schema', () => {
    const operation = {
      key: 'POST /pets',
      path: '/pets',
      parameters: [],
      requestBody: { required: true, pointer: '', content: [{ mediaType: 'application/xml', examples: [], schema: { xml: { name: 'pet' }, properties: { name: {} } } }] },
    } as unknown as Operation;
    const request = buildRequest(operation, { method: 'post', pathParams: {}, query: {}, headers: {}, cookies: {}, body: { mediaType: 'application/xml', value: { name: 'Rex' } } }, 'http://h', {});
    expect(request.headers['content-type']).toBe('application/xml');
    expect(request.body).toBe(`${PROLOG}<pet><name>Rex</name></pet>`);
  });
});
