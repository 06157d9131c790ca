import { describe, expect, it } from 'vitest';
import { SentinelError } from '../../../../src/core/errors.js';
import { compileScenario, extractInto, MAX_CAPTURED_BODY_BYTES, requestFor } from '../../../../src/execution/load/scenario.js';
import { resolvePointer } from '../../../../src/execution/scenario-vars.js';
import type { Captured } from '../../../../src/execution/load/load-client.js';
import { warmUpRequestsOf } from '../../../../src/execution/load/warm-up.js';
import { ScenarioRunner, type StepAnswer } from '../../../../src/execution/load/scenario-runner.js';
import { createUniqueValues, nextUniqueValue } from '../../../../src/execution/load/unique-value.js';
import { locationPattern, patternProblem, toPythonPattern } from '../../../../src/core/extract-pattern.js';
import { scenarioMarker, type MixEntry, type ScenarioStep } from '../../../../src/execution/load/types.js';

const base = 'http://127.0.0.1:8080';
const id = scenarioMarker('id');

function step(operation: string, request: Partial<ScenarioStep['request']>, extract?: Record<string, string>): ScenarioStep {
  return { operation, request: { method: 'GET', url: `${base}/`, headers: {}, operation, ...request }, extract };
}

function scenario(...steps: ScenarioStep[]) {
  const entry: MixEntry = { operation: 'scenario items', weight: 1, requests: [], scenario: steps };
  return compileScenario(entry as MixEntry & { scenario: ScenarioStep[] });
}

const create = step('POST /items', { method: 'POST', url: `${base}/items`, body: '{"name":"x"}', headers: { 'content-type': 'application/json' } }, { id: '$response.body#/id' });

describe('resolvePointer (RFC 6901), as the load engine reads values', () => {
  const document = { id: 7, 'a/b': 1, 'm~n': 2, '': 3, items: [{ id: 'x' }, { id: 'y' }], nothing: null };
  it.each([
    ['', document],
    ['/id', 7],
    ['/a~1b', 1],
    ['/m~0n', 2],
    ['/', 3],
    ['/items/1/id', 'y'],
    ['/items/0', { id: 'x' }],
    ['/nothing', null],
    ['/items/01', undefined],
    ['/items/-', undefined],
    ['/items/2', undefined],
    ['/missing', undefined],
    ['/id/deeper', undefined],
    ['/toString', undefined],
    ['id', undefined],
    ['/a%2Fb', 1],
    ['/m%7E0n', 2],
    ['/100%', undefined],
  ])('%j gives %j', (pointer, expected) => {
    expect(resolvePointer(document, pointer)).toEqual(expected);
  });
});

describe('requestFor: markers filled at send time', () => {
  it('sends a step without markers as prepared, the same object each time', () => {
    const compiled = scenario(create);
    expect(compiled.steps[0]!.templates).toBeUndefined();
    expect(requestFor(compiled.steps[0]!, new Map())).toBe(compiled.steps[0]!.request);
  });

  it('percent-encodes in the URL and writes text in headers', () => {
    const read = step('GET /items/{id}', { url: `${base}/items/${id}?again=${id}`, headers: { 'x-item': `item ${id}`, accept: 'application/json' } });
    const compiled = scenario(create, read);
    const request = requestFor(compiled.steps[1]!, new Map([['id', 'a b/c']]));
    expect(request.options.path).toBe('/items/a%20b%2Fc?again=a%20b%2Fc');
    expect(request.options.headers).toEqual({ 'x-item': 'item a b/c', accept: 'application/json' });
    expect(request.origin).toBe(base);
    expect(request.operation).toBe('GET /items/{id}');
  });

  it.each([
    { value: 42, body: `{"id":"${id}"}`, expected: '{"id":42}' },
    { value: '42', body: `{"id":"${id}"}`, expected: '{"id":"42"}' },
    { value: { deep: [1] }, body: `{"id":"${id}"}`, expected: '{"id":{"deep":[1]}}' },
    { value: 'say "hi"\n', body: `{"note":"item ${id}!"}`, expected: '{"note":"item say \\"hi\\"\\n!"}' },
    { value: 5, body: `{"note":"x\\"${id}"}`, expected: '{"note":"x\\"5"}' },
    { value: 5, body: `["${id}","${id}"]`, expected: '[5,5]' },
  ])('JSON body: $body with $value gives $expected', ({ value, body, expected }) => {
    const update = step('PUT /items/{id}', { method: 'PUT', url: `${base}/items/1`, body, headers: { 'Content-Type': 'application/json' } });
    const request = requestFor(scenario(create, update).steps[1]!, new Map([['id', value]]));
    expect(request.options.body).toBe(expected);
    expect(() => JSON.parse(String(request.options.body))).not.toThrow();
  });

  it('form and text bodies take the value encoded for their type', () => {
    const form = step('POST /form', { method: 'POST', body: `id=${id}&x=1`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const text = step('POST /text', { method: 'POST', body: `"${id}"`, headers: { 'content-type': 'text/plain' } });
    const compiled = scenario(create, form, text);
    expect(requestFor(compiled.steps[1]!, new Map([['id', 'a&b']])).options.body).toBe('id=a%26b&x=1');
    expect(requestFor(compiled.steps[2]!, new Map([['id', 'a&b']])).options.body).toBe('"a&b"');
  });
});

describe('extractInto', () => {
  const location = step('POST /things', { method: 'POST' }, { where: '$response.header.Location', id: '$response.body#/data/id' });
  const compiled = scenario(location).steps[0]!;

  it('asks the client only for what it needs', () => {
    expect(compiled.capture).toEqual({ body: true, headers: ['location'], maxBodyBytes: MAX_CAPTURED_BODY_BYTES });
    expect(scenario(step('GET /h', {}, { etag: '$response.header.ETag' })).steps[0]!.capture).toEqual({ body: false, headers: ['etag'], maxBodyBytes: MAX_CAPTURED_BODY_BYTES });
  });

  it('takes a header and a body value', () => {
    const values = new Map<string, unknown>();
    expect(extractInto(compiled, { body: '{"data":{"id":3}}', bodyOverflow: false, headers: { location: '/things/3' } }, values)).toBeUndefined();
    expect(Object.fromEntries(values)).toEqual({ where: '/things/3', id: 3 });
  });

  it.each<{ case: string; captured: Captured; reason: string }>([
    { case: 'a missing header', captured: { body: '{"data":{"id":3}}', bodyOverflow: false, headers: {} }, reason: 'where: no value at header location' },
    { case: 'a null value', captured: { body: '{"data":{"id":null}}', bodyOverflow: false, headers: { location: '/x' } }, reason: 'id: no value at body#/data/id' },
    { case: 'a body that is not JSON', captured: { body: '<html>', bodyOverflow: false, headers: { location: '/x' } }, reason: 'id: body is not JSON' },
    { case: 'a body over the cap', captured: { bodyOverflow: true, headers: { location: '/x' } }, reason: `id: body over ${MAX_CAPTURED_BODY_BYTES} bytes` },
  ])('fails on $case', ({ captured, reason }) => {
    expect(extractInto(compiled, captured, new Map())).toBe(reason);
  });
});

describe('compileScenario rejects what cannot run, in one line', () => {
  it.each([
    { case: 'a value no earlier step extracts', steps: [step('GET /items/{id}', { url: `${base}/items/${id}` })], message: /step 1 \(GET \/items\/\{id\}\): uses id, which no earlier step extracts/ },
    { case: 'a value extracted by a later step', steps: [step('GET /a', { headers: { 'x-id': id } }), create], message: /uses id/ },
    { case: 'an unknown expression', steps: [step('GET /a', {}, { id: '$request.body#/id' })], message: /neither \$response\.body#\/pointer, \$response\.header\.Name nor \$response\.header\.Name#regex:<pattern>/ },
    { case: 'a pattern RegExp refuses', steps: [step('POST /a', {}, { id: '$response.header.Location#regex:/items/(\\d+' })], message: /scenario "scenario items" step 1 \(POST \/a\): id: "\$response\.header\.Location#regex:\/items\/\(\\d\+": bad pattern: .*Unterminated group/ },
    { case: 'a pattern Python reads otherwise', steps: [step('POST /a', {}, { id: '$response.header.Location#regex:(?<=/)\\d+' })], message: /bad pattern: a lookbehind is not portable/ },
    { case: 'an empty pattern', steps: [step('POST /a', {}, { id: '$response.header.Location#regex:' })], message: /bad pattern: the pattern is empty/ },
    { case: 'the reserved name unique', steps: [step('POST /a', {}, { unique: '$response.body#/id' })], message: /step 1 \(POST \/a\): "unique" is reserved/ },
    { case: 'a pointer without a slash', steps: [step('GET /a', {}, { id: '$response.body#id' })], message: /not a JSON pointer/ },
    { case: 'a name a marker cannot carry', steps: [step('GET /a', {}, { 'item-id': '$response.body#/id' })], message: /letters and digits only/ },
    { case: 'a marker in the host', steps: [create, step('GET /a', { url: `http://${id}.example/` })], message: /not in the host/ },
  ])('$case', ({ steps, message }) => {
    expect(() => scenario(...steps)).toThrow(SentinelError);
    expect(() => scenario(...steps)).toThrow(message);
  });
});

describe('warmUpRequestsOf', () => {
  it('fills every marker of every step with a dummy value', () => {
    const read = step('GET /items/{id}', { url: `${base}/items/${id}` });
    const requests = warmUpRequestsOf([scenario(create, read)]);
    expect(requests.map((request) => [request.operation, request.options.path])).toEqual([
      ['POST /items', '/items'],
      ['GET /items/{id}', '/items/1'],
    ]);
  });
});

describe('$response.header.Name#regex:<pattern>', () => {
  const withPattern = (pattern: string) => scenario(step('POST /items', { method: 'POST' }, { id: `$response.header.Location#regex:${pattern}` })).steps[0]!;
  const extract = (pattern: string, location: string | undefined) => {
    const values = new Map<string, unknown>();
    const problem = extractInto(withPattern(pattern), { bodyOverflow: false, headers: location === undefined ? {} : { location } }, values);
    return problem ?? values.get('id');
  };

  it('asks the client for the header only', () => {
    expect(withPattern('/items/([^/?#]+)').capture).toEqual({ body: false, headers: ['location'], maxBodyBytes: MAX_CAPTURED_BODY_BYTES });
  });

  it.each([
    { case: 'the first group', pattern: '/items/([^/?#]+)(?:[?#]|$)', location: '/items/42', value: '42' },
    { case: 'the first group of several', pattern: '/(\\w+)/(\\d+)', location: '/items/42', value: 'items' },
    { case: 'the whole match without a group', pattern: '\\d+$', location: '/items/42', value: '42' },
    { case: 'the first match of several', pattern: '/(\\d+)', location: '/v/1/items/42', value: '1' },
    { case: 'an absolute URL with a base path and a query', pattern: '/items/([^/?#]+)(?:[?#]|$)', location: 'https://api.example/v2/items/ab-7?expand=1', value: 'ab-7' },
    { case: 'a percent-decoded value', pattern: '/items/([^/?#]+)$', location: '/items/a%20b%2Fc%C3%A9', value: 'a b/cé' },
    { case: 'malformed escapes kept as they are', pattern: '/items/([^/?#]+)$', location: '/items/50%', value: '50%' },
    { case: 'a named group, spelled the JavaScript way', pattern: '/items/(?<id>\\d+)', location: '/items/9', value: '9' },
  ])('gives $case', ({ pattern, location, value }) => {
    expect(extract(pattern, location)).toBe(value);
  });

  it('fails when the pattern does not match, its group is empty or absent, or the header is missing', () => {
    expect(extract('/items/([^/?#]+)(?:[?#]|$)', '/orders/42')).toBe('id: header location does not match the pattern');
    expect(extract('/items/([0-9]*)$', '/items/')).toMatch(/does not match/);
    expect(extract('/items/(x)?\\d+', '/items/4')).toMatch(/does not match/);
    expect(extract('/items/(\\d+)', undefined)).toBe('id: no value at header location');
  });

  it('fills the next step like any extracted value', () => {
    const compiled = scenario(
      step('POST /items', { method: 'POST' }, { id: '$response.header.Location#regex:/items/([^/?#]+)(?:[?#]|$)' }),
      step('GET /items/{id}', { url: `${base}/items/${id}` }),
    );
    const values = new Map<string, unknown>();
    expect(extractInto(compiled.steps[0]!, { bodyOverflow: false, headers: { location: 'http://h/api/items/x%2Fy' } }, values)).toBeUndefined();
    expect(requestFor(compiled.steps[1]!, values).options.path).toBe('/items/x%2Fy');
  });
});

describe('the reserved value unique', () => {
  const unique = scenarioMarker('unique');
  const signUp = step('POST /users', { method: 'POST', url: `${base}/users?ref=${unique}`, body: `{"email":"u${unique}@example.com","login":"${unique}"}`, headers: { 'content-type': 'application/json' } }, { id: '$response.body#/id' });
  const read = step('GET /users/{id}', { url: `${base}/users/${id}`, headers: { 'x-run': unique } });

  it('is known to every step without extraction; only scenarios that use it draw one', () => {
    expect(scenario(signUp, read).usesUnique).toBe(true);
    expect(scenario(create).usesUnique).toBe(false);
  });

  it('draws a new value per iteration, the same for all its steps, filled as text (a whole JSON string stays a string)', () => {
    const sent: { path: string; body: unknown; header: unknown }[] = [];
    const answer = (then: StepAnswer) => then(201, undefined, { body: '{"id":5}', bodyOverflow: false, headers: {} });
    const runner = new ScenarioRunner(
      {
        send: (request, _offset, then) => (sent.push({ path: String(request.options.path), body: request.options.body, header: (request.options.headers as Record<string, string>)['x-run'] }), answer(then)),
        sendCapturing: (request, _capture, _offset, then) => (sent.push({ path: String(request.options.path), body: request.options.body, header: undefined }), answer(then)),
        elapsed: () => 1,
        mayContinue: () => true,
      },
      createUniqueValues(3, 'test'),
    );
    const compiled = scenario(signUp, read);
    runner.run(compiled, 0, () => undefined);
    runner.run(compiled, 0, () => undefined);
    expect(sent).toEqual([
      { path: '/users?ref=test130', body: '{"email":"utest130@example.com","login":"test130"}', header: undefined },
      { path: '/users/5', body: null, header: 'test130' },
      { path: '/users?ref=test131', body: '{"email":"utest131@example.com","login":"test131"}', header: undefined },
      { path: '/users/5', body: null, header: 'test131' },
    ]);
    const whole = step('POST /tags', { method: 'POST', body: `{"tag":"${unique}"}`, headers: { 'content-type': 'application/json' } });
    expect(requestFor(scenario(whole).steps[0]!, new Map([['unique', 'abc1']])).options.body).toBe('{"tag":"abc1"}');
  });

  it('never reads two ways: the source is self-delimiting, so different drawers never meet', () => {
    const seen = new Set<string>();
    for (const source of [0, 1, 12, 35, 36, 1295, 1296]) {
      const draw = createUniqueValues(source, 'abcd');
      for (let i = 0; i < 2000; i++) seen.add(draw());
    }
    expect(seen.size).toBe(7 * 2000);
    expect(nextUniqueValue()).toMatch(/^[a-z][a-z0-9]{3}[1-9a-z][0-9a-z]+[0-9a-z]$/);
    expect(nextUniqueValue()).not.toBe(nextUniqueValue());
  });
});

describe('patterns: portable to Python, and built from a path template', () => {
  it.each([
    ['/items/(?<id>\\d+)', '/items/(?P<id>\\d+)'],
    ['(?<a>x)\\k<a>', '(?P<a>x)(?P=a)'],
    ['[(?<]x\\x41\\u00e9', '[(?<]x\\x41\\u00e9'],
    ['(?:[?#]|$)', '(?:[?#]|$)'],
    ['(a)(?<b>c)\\2\\1[\\1]', '(a)(?P<b>c)\\2\\1[\\1]'],
  ])('%s reads as %s in Python', (source, python) => {
    expect(toPythonPattern(source)).toBe(python);
    expect(patternProblem(source)).toBeUndefined();
  });

  it.each([
    ['(?<=/)\\d+', /lookbehind/],
    ['a[]b', /\[\] is read differently/],
    ['[^]', /\[\^\] is read differently/],
    ['\\cA', /\\c is not read the same way/],
    ['\\p{L}', /\\p is not read the same way/],
    ['(?<$x>a)', /group name/],
    ['(', /Unterminated group|Invalid regular expression/],
    ['(a)\\2', /\\2 refers to no group/],
  ])('refuses %s', (source, why) => {
    expect(patternProblem(source)).toMatch(why);
  });

  it('takes the id from the tail of the read path, other parameters matching any segment', () => {
    expect(locationPattern('/items/{itemId}', 'itemId')).toBe('/items/([^/?#]+)/?(?:[?#]|$)');
    expect(new RegExp(locationPattern('/items/{itemId}', 'itemId')).exec('/items/42/?x')![1]).toBe('42');
    const nested = new RegExp(locationPattern('/users/{userId}/notes.v1/{noteId}', 'noteId'));
    expect(nested.source).toBe('\\/users\\/[^/?#]+\\/notes\\.v1\\/([^/?#]+)\\/?(?:[?#]|$)');
    expect(nested.exec('https://h/base/users/7/notes.v1/n-3#frag')![1]).toBe('n-3');
    expect(nested.exec('/users/7/notesXv1/3')).toBeNull();
    expect(nested.exec('/users/7/notes.v1/3/comments')).toBeNull();
  });
});
