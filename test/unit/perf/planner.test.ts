import { beforeAll, describe, expect, it } from 'vitest';
import { planPerf, type PerfPlanOptions } from '../../../src/perf/planner.js';
import { createValueGenerator } from '../../../src/agents/data/values.js';
import { prepareMix } from '../../../src/perf/plan/prepare-mix.js';
import type { ScenarioDefinition } from '../../../src/perf/plan/user-scenarios.js';
import { SCENARIO_MARKER } from '../../../src/execution/load/types.js';
import { buildStages } from '../../../src/perf/plan/profiles.js';
import { createArrivals, shareStages, workerCount } from '../../../src/execution/load/schedule.js';
import { createMixPicker } from '../../../src/execution/load/mix.js';
import type { ApiModel, Operation } from '../../../src/spec/model.js';
import { modelFrom } from '../execution/checks/security-fixtures.js';
import { SHOP_YAML } from '../agents/stateful/fixtures.js';

function operation(method: Operation['method'], path: string, extra: Partial<Operation> = {}): Operation {
  return { key: `${method.toUpperCase()} ${path}`, method, path, tags: [], deprecated: false, parameters: [], responses: [], links: [], pointer: '', extensions: {}, ...extra };
}

const model: ApiModel = {
  source: 'pets.yaml',
  dialect: 'openapi-3.1',
  specVersion: '3.1.0',
  info: { title: 'pets', version: '1' },
  servers: [],
  operations: [
    operation('get', '/pets', { operationId: 'listPets' }),
    operation('get', '/pets/{id}', {
      parameters: [{ name: 'id', in: 'path', required: true, style: 'simple', explode: false, allowReserved: false, deprecated: false, schema: { type: 'integer' }, examples: [], pointer: '' }],
    }),
    operation('post', '/pets', { requestBody: { required: true, content: [{ mediaType: 'application/json', schema: { type: 'object' }, examples: [] }], pointer: '' } }),
    operation('delete', '/pets/{id}'),
  ],
  securitySchemes: {},
  security: [],
  webhooks: [],
  schemaDefs: {},
  warnings: [],
};

// A deterministic stand-in for the value generator: a number for integers, an object for objects.
const values = { valid: (schema: unknown, hint?: { variant?: number }) => ((schema as { type?: string }).type === 'integer' ? 7 + (hint?.variant ?? 0) : { name: 'rex' }) };

describe('planPerf', () => {
  it('loads only GET and HEAD by default and says what it left out', () => {
    const plan = planPerf(model, { profile: 'load', thresholds: [], seed: 1 }, values);
    expect(plan.mix.map((entry) => entry.operation)).toEqual(['GET /pets', 'GET /pets/{id}']);
    expect(plan.notes).toEqual(['POST /pets: left out (a write; pass --include-writes to load it)', 'DELETE /pets/{id}: left out (a write; pass --include-writes to load it)']);
    expect(plan.mix[1]!.requests.map((request) => request.pathParams.id)).toEqual([7, 8, 9, 10, 11]);
    expect(plan.model).toBe('open');
    expect(plan.stages).toEqual([{ name: 'steady', durationMs: 30_000, target: 50 }]);
  });
  it('plans writes with bodies when asked, with weights by key or operationId', () => {
    const plan = planPerf(model, { profile: 'load', includeWrites: true, weights: { listPets: 3, 'delete /pets/{id}': 0 }, vus: 4, thresholds: [], seed: 1 }, values);
    expect(plan.mix.map((entry) => [entry.operation, entry.weight])).toEqual([
      ['GET /pets', 3],
      ['GET /pets/{id}', 1],
      ['POST /pets', 1],
    ]);
    expect(plan.mix[2]!.requests[0]!.body).toEqual({ mediaType: 'application/json', value: { name: 'rex' } });
    expect(plan.model).toBe('closed');
  });
  it.each([
    [{ weights: { 'GET /nope': 2 } }, "weight for 'GET /nope': no such operation"],
    [{ rate: 10, vus: 2 }, '--rate and --vus are exclusive'],
  ])('rejects %j', (options, message) => {
    expect(() => planPerf(model, { profile: 'load', thresholds: [], seed: 1, ...options }, values)).toThrow(message);
  });
});

describe('profiles', () => {
  it('stress climbs in equal steps to the peak', () => {
    expect(buildStages('stress', 'open', 500, 50_000).map((stage) => [stage.durationMs, stage.target])).toEqual([
      [10_000, 100],
      [10_000, 200],
      [10_000, 300],
      [10_000, 400],
      [10_000, 500],
    ]);
  });
  it('spike jumps from a fifth of the peak and recovers; virtual users stay whole', () => {
    expect(buildStages('spike', 'closed', 12, 10_000).map((stage) => [stage.name, stage.durationMs, stage.target])).toEqual([
      ['baseline', 4000, 2],
      ['spike', 2000, 12],
      ['recovery', 4000, 2],
    ]);
  });
});

describe('schedule', () => {
  const stages = [
    { name: 'a', durationMs: 1000, target: 4 },
    { name: 'idle', durationMs: 1000, target: 0 },
    { name: 'b', durationMs: 1000, target: 2 },
  ];
  it('steps arrivals by each stage rate, skipping a zero-rate stage', () => {
    const times = (phase: number) => {
      const next = createArrivals(stages, phase);
      const out: number[] = [];
      for (let at = next(); at !== undefined; at = next()) out.push(at);
      return out;
    };
    expect(times(0)).toEqual([0, 250, 500, 750, 2000, 2500]);
    expect(times(0.5)).toEqual([125, 375, 625, 875, 2250, 2750]);
  });
  it('never gains an arrival to rounding at a stage end (75/s for 2 s is 150 arrivals)', () => {
    const next = createArrivals([{ name: 's', durationMs: 2000, target: 75 }], 0);
    let count = 0;
    while (next() !== undefined) count++;
    expect(count).toBe(150);
  });
  it('deals virtual users out whole and divides rates', () => {
    const closed = [{ name: 's', durationMs: 1000, target: 5 }];
    expect([0, 1].map((index) => shareStages(closed, 'closed', 2, index)[0]!.target)).toEqual([3, 2]);
    expect(shareStages([{ name: 's', durationMs: 1000, target: 5 }], 'open', 2, 1)[0]!.target).toBe(2.5);
    expect(workerCount(8, closed)).toBe(5);
  });
  it('picks operations in proportion to their weights', () => {
    const picker = createMixPicker([{ weight: 3, requests: ['a'] }, { weight: 1, requests: ['b1', 'b2'] }], 42);
    const picks = Array.from({ length: 4000 }, () => picker.next());
    const share = picks.filter((pick) => pick === 'a').length / picks.length;
    expect(share).toBeGreaterThan(0.72);
    expect(share).toBeLessThan(0.78);
    expect(picks.filter((pick) => pick.startsWith('b')).slice(0, 2).sort()).toEqual(['b1', 'b2']);
  });
});

describe('scenarios in the load mix', () => {
  let shop: ApiModel;
  beforeAll(async () => {
    shop = await modelFrom(SHOP_YAML);
  });
  const plan = (options: Partial<PerfPlanOptions>) => planPerf(shop, { profile: 'load', thresholds: [], seed: 1, ...options }, createValueGenerator(shop, 1));
  const scenarioOf = (mix: ReturnType<typeof plan>['mix'], name: string) => mix.find((entry) => entry.operation === name)?.scenario;

  it('plans a lifecycle per resource with a create and a read by id, ids flowing by marker', () => {
    const { mix, notes } = plan({ includeWrites: true });
    expect(mix.filter((entry) => entry.scenario).map((entry) => [entry.operation, entry.weight, entry.requests.length])).toEqual([
      ['scenario lifecycle /items', 1, 0],
      ['scenario lifecycle /orders', 1, 0],
      ['scenario lifecycle /users', 1, 0],
      ['scenario lifecycle /users/{userId}/notes', 1, 0],
      ['scenario lifecycle /boxes', 1, 0],
      ['scenario lifecycle /tickets', 1, 0],
    ]);
    const items = scenarioOf(mix, 'scenario lifecycle /items')!;
    expect(items.map((step) => step.operation)).toEqual(['POST /items', 'GET /items/{itemId}', 'PATCH /items/{itemId}', 'DELETE /items/{itemId}']);
    expect(items[0]!.extract).toEqual({ itemId: '$response.body#/id' });
    expect(items.slice(1).map((step) => step.request.pathParams.itemId)).toEqual(['__SENTINEL_itemId__', '__SENTINEL_itemId__', '__SENTINEL_itemId__']);
    // A wrapped id (`data.id`), a link's expression, a referenced item created first.
    expect(scenarioOf(mix, 'scenario lifecycle /users')![0]!.extract).toEqual({ userId: '$response.body#/data/id' });
    expect(scenarioOf(mix, 'scenario lifecycle /boxes')![0]!.extract).toEqual({ boxRef: '$response.body#/ref' });
    const orders = scenarioOf(mix, 'scenario lifecycle /orders')!;
    // Orders cannot be deleted, so the item they refer to stays too (deleting it would be refused).
    expect(orders.map((step) => step.operation)).toEqual(['POST /items', 'POST /orders', 'GET /orders/{orderId}']);
    expect(orders[1]!.request.body!.value).toMatchObject({ itemId: '__SENTINEL_itemId__' });
    // The new ticket's id is only in a Location header: a pattern over the read path's tail takes it.
    const tickets = scenarioOf(mix, 'scenario lifecycle /tickets')!;
    expect(tickets.map((step) => step.operation)).toEqual(['POST /tickets', 'GET /tickets/{ticketId}']);
    expect(tickets[0]!.extract).toEqual({ ticketId: '$response.header.Location#regex:/tickets/([^/?#]+)/?(?:[?#]|$)' });
    expect(tickets[1]!.request.pathParams).toEqual({ ticketId: '__SENTINEL_ticketId__' });
    expect(notes.filter((note) => note.includes('not planned'))).toEqual([]);
    // A likely unique key (`name`, maxLength 30) gets the per-iteration value, cut to fit.
    expect(items[0]!.request.body!.value).toEqual({ name: expect.stringMatching(/^.{1,15}-__SENTINEL_unique__$/) });
    expect(items[2]!.request.body!.value).toMatchObject({ name: expect.stringMatching(/-__SENTINEL_unique__$/) });
  });

  it('deletes the parent it created after the child, when the child can be deleted', async () => {
    const nested = await modelFrom(`
openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /users:
    post:
      requestBody: { required: true, content: { application/json: { schema: { type: object, properties: { name: { type: string } } } } } }
      responses: { '201': { description: ok, content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } } } }
  /users/{userId}:
    parameters: [ { name: userId, in: path, required: true, schema: { type: string } } ]
    get: { responses: { '200': { description: ok } } }
    delete: { responses: { '204': { description: gone } } }
  /users/{userId}/notes:
    parameters: [ { name: userId, in: path, required: true, schema: { type: string } } ]
    post:
      responses: { '201': { description: ok, content: { application/json: { schema: { type: object, properties: { id: { type: integer } } } } } } }
  /users/{userId}/notes/{noteId}:
    parameters: [ { name: userId, in: path, required: true, schema: { type: string } }, { name: noteId, in: path, required: true, schema: { type: integer } } ]
    get: { responses: { '200': { description: ok } } }
    delete: { responses: { '204': { description: gone } } }
`);
    const { mix } = planPerf(nested, { profile: 'soak', includeWrites: true, thresholds: [], seed: 1 }, createValueGenerator(nested, 1));
    const notes = scenarioOf(mix, 'scenario lifecycle /users/{userId}/notes')!;
    expect(notes.map((step) => step.operation)).toEqual(['POST /users', 'POST /users/{userId}/notes', 'GET /users/{userId}/notes/{noteId}', 'DELETE /users/{userId}/notes/{noteId}', 'DELETE /users/{userId}']);
    expect(notes[4]!.request.pathParams).toEqual({ userId: '__SENTINEL_userId__' });
  });

  it('a Location-only create binds its id to its own steps, not to a referenced item deleted last under the same parameter name', async () => {
    const api = await modelFrom(`
openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /items:
    post:
      requestBody: { required: true, content: { application/json: { schema: { type: object, required: [sku], properties: { sku: { type: string } } } } } }
      responses: { '201': { description: ok, content: { application/json: { schema: { type: object, properties: { id: { type: integer } } } } } } }
  /items/{id}:
    parameters: [ { name: id, in: path, required: true, schema: { type: integer } } ]
    get: { responses: { '200': { description: ok } } }
    delete: { responses: { '204': { description: gone } } }
  /orders:
    post:
      requestBody: { required: true, content: { application/json: { schema: { type: object, required: [itemId], properties: { itemId: { type: integer } } } } } }
      responses: { '201': { description: ok, headers: { Location: { schema: { type: string } } } } }
  /orders/{id}:
    parameters: [ { name: id, in: path, required: true, schema: { type: string } } ]
    get: { responses: { '200': { description: ok } } }
    delete: { responses: { '204': { description: gone } } }
`);
    const { mix } = planPerf(api, { profile: 'load', includeWrites: true, thresholds: [], seed: 1 }, createValueGenerator(api, 1));
    const orders = scenarioOf(mix, 'scenario lifecycle /orders')!;
    expect(orders.map((step) => [step.operation, step.request.pathParams, step.extract])).toEqual([
      ['POST /items', {}, { itemId: '$response.body#/id' }],
      ['POST /orders', {}, { orderId: '$response.header.Location#regex:/orders/([^/?#]+)/?(?:[?#]|$)' }],
      ['GET /orders/{id}', { id: '__SENTINEL_orderId__' }, undefined],
      ['DELETE /orders/{id}', { id: '__SENTINEL_orderId__' }, undefined],
      ['DELETE /items/{id}', { id: '__SENTINEL_itemId__' }, undefined],
    ]);
    expect(orders[0]!.request.body!.value).toEqual({ sku: '__SENTINEL_unique__' });
    expect(orders[1]!.request.body!.value).toEqual({ itemId: '__SENTINEL_itemId__' });
  });

  it('leaves the writes a scenario covers out of the single requests, with a note; reads and other writes stay', () => {
    const { mix, notes } = plan({ includeWrites: true });
    const singles = mix.filter((entry) => !entry.scenario).map((entry) => entry.operation);
    expect(singles).toEqual(expect.arrayContaining(['GET /items', 'GET /items/{itemId}', 'GET /tickets/{ticketId}']));
    expect(singles).not.toContain('POST /tickets');
    expect(singles).not.toContain('DELETE /items/{itemId}');
    expect(singles).not.toContain('POST /items');
    expect(notes).toContain('DELETE /items/{itemId}: sent only within scenario lifecycle /items, on what the scenario created (give it a weight to load it alone too)');
    // An explicit weight loads it alone as well.
    expect(plan({ includeWrites: true, weights: { deleteItem: 2 } }).mix.find((entry) => entry.operation === 'DELETE /items/{itemId}')?.weight).toBe(2);
  });

  it('plans no automatic scenario without writes or with --no-scenarios', () => {
    expect(plan({}).mix.some((entry) => entry.scenario)).toBe(false);
    const off = plan({ includeWrites: true, automaticScenarios: false });
    expect(off.mix.some((entry) => entry.scenario)).toBe(false);
    expect(off.mix.map((entry) => entry.operation)).toContain('DELETE /items/{itemId}');
  });

  it('weights name scenarios with or without the scenario prefix; an unplanned one is a note, not an error', () => {
    const { mix, notes } = plan({ includeWrites: true, weights: { 'lifecycle /items': 3, 'scenario lifecycle /users': 0 } });
    expect(mix.find((entry) => entry.operation === 'scenario lifecycle /items')?.weight).toBe(3);
    expect(mix.some((entry) => entry.operation === 'scenario lifecycle /users')).toBe(false);
    expect(notes).toContain('scenario lifecycle /users: left out (weight 0)');
    expect(plan({ weights: { 'lifecycle /items': 3 } }).notes).toContain(
      "weight for 'lifecycle /items': no such scenario in this plan (automatic lifecycle scenarios need --include-writes and no --no-scenarios)",
    );
  });

  const checkout: ScenarioDefinition = {
    name: 'checkout',
    weight: 2,
    steps: [
      { operation: 'createItem', body: { name: 'book', price: 12 }, extract: { itemId: '$response.body#/id' } },
      { operation: 'post /orders', body: { itemId: '${itemId}', quantity: 1 }, extract: { orderId: '$response.body#/orderId' } },
      { operation: 'GET /orders/{orderId}' },
      { operation: 'getItem', params: {} },
    ],
  };

  it('plans config scenarios even without --include-writes: given values, extracted variables, path parameters bound by name', () => {
    const { mix } = plan({ scenarios: [checkout] });
    const entry = mix.find((candidate) => candidate.operation === 'scenario checkout')!;
    expect(entry.weight).toBe(2);
    expect(entry.scenario!.map((step) => step.operation)).toEqual(['POST /items', 'POST /orders', 'GET /orders/{orderId}', 'GET /items/{itemId}']);
    expect(entry.scenario![0]!.request.body).toEqual({ mediaType: 'application/json', value: { name: 'book', price: 12 } });
    expect(entry.scenario![1]!.request.body!.value).toEqual({ itemId: '__SENTINEL_itemId__', quantity: 1 });
    expect(entry.scenario![2]!.request.pathParams).toEqual({ orderId: '__SENTINEL_orderId__' });
    expect(entry.scenario![3]!.request.pathParams).toEqual({ itemId: '__SENTINEL_itemId__' });
    expect(mix.some((candidate) => candidate.operation === 'POST /orders')).toBe(false);
    expect(plan({ scenarios: [checkout], weights: { 'scenario checkout': 5 } }).mix.find((candidate) => candidate.operation === 'scenario checkout')!.weight).toBe(5);
  });

  it('a config scenario named like a lifecycle replaces it', () => {
    const own: ScenarioDefinition = { name: 'lifecycle /items', steps: [{ operation: 'listItems' }] };
    const { mix, notes } = plan({ includeWrites: true, scenarios: [own] });
    expect(mix.filter((entry) => entry.operation === 'scenario lifecycle /items').map((entry) => entry.scenario!.length)).toEqual([1]);
    expect(notes).toContain("scenario lifecycle /items: the config's scenario of that name replaces the automatic one");
  });

  const step = (extra: object) => ({ name: 'bad', steps: [{ operation: 'createItem', extract: { itemId: '$response.body#/id' } }, { operation: 'getItem', ...extra }] });
  it.each([
    [{ name: 'bad', steps: [{ operation: 'POST /nothing' }] }, 'cfg.yaml: perf.scenarios: scenario "bad" step 1: no operation "POST /nothing" in the description'],
    [step({ params: { itemId: '${orderId}' } }), `scenario "bad" step 2: '\${orderId}' is used before a step extracts it`],
    [step({ params: { itemId: 'x-${orderId}' } }), `scenario "bad" step 2: '\${orderId}' is used before a step extracts it`],
    [step({ params: { itemId: 'x-${item-id}' } }), `scenario "bad" step 2: "x-\${item-id}": '\${item-id}' is not a variable (letters and digits only)`],
    [step({ params: { itemId: 'x-${itemId' } }), `scenario "bad" step 2: "x-\${itemId": a '\${' without its closing '}'`],
    [step({ extract: { unique: '$response.body#/id' } }), 'scenario "bad" step 2: variable "unique" is reserved'],
    [step({ extract: { id: '$response.header.Location#regex:(' } }), 'scenario "bad" step 2: extract id: "$response.header.Location#regex:(": bad pattern: '],
    [step({ extract: { id: '$response.header.Location#regex:/items/(\\d+)$' } }), null],
    [step({ params: { nope: 1 } }), 'scenario "bad" step 2: GET /items/{itemId} has no parameter "nope"'],
    [step({ extract: { id: '$.id' } }), 'scenario "bad" step 2: extract id: "$.id" is neither $response.body#/pointer, $response.header.Name nor $response.header.Name#regex:<pattern>'],
    [step({ extract: { item_id: '$response.body#/id' } }), 'scenario "bad" step 2: variable "item_id": a name is letters and digits only'],
    [{ name: 'twice', steps: [{ operation: 'getItem', extract: { id: '$response.header.X-Id' } }, { operation: 'getItem', params: { itemId: '${id}' } }] }, null],
  ])('checks config scenario %#', (definition, message) => {
    const run = () => plan({ scenarios: [definition as ScenarioDefinition], scenariosSource: 'cfg.yaml: perf.scenarios' });
    if (message === null) expect(run).not.toThrow();
    else expect(run).toThrow(message);
  });

  it('config values may hold variables inside longer strings, and the reserved unique without extraction', () => {
    const signUp: ScenarioDefinition = {
      name: 'sign up',
      steps: [
        { operation: 'createItem', body: { name: 'lamp-${unique}', price: 1, notes: ['${unique}', 'n ${unique} ${unique}'] }, extract: { itemId: '$response.body#/id' } },
        { operation: 'post /orders', body: { itemId: '${itemId}', ref: 'order of ${itemId} (${unique})' } },
      ],
    };
    const entry = plan({ scenarios: [signUp] }).mix.find((candidate) => candidate.operation === 'scenario sign up')!;
    expect(entry.scenario![0]!.request.body!.value).toEqual({ name: 'lamp-__SENTINEL_unique__', price: 1, notes: ['__SENTINEL_unique__', 'n __SENTINEL_unique__ __SENTINEL_unique__'] });
    expect(entry.scenario![1]!.request.body!.value).toEqual({ itemId: '__SENTINEL_itemId__', ref: 'order of __SENTINEL_itemId__ (__SENTINEL_unique__)' });
  });

  it('prepareMix keeps markers through serialization (path, query, JSON body) and adds credentials to steps', async () => {
    const api = await modelFrom(`
openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /carts/{cartId}/lines:
    post:
      parameters:
        - { name: cartId, in: path, required: true, schema: { type: integer } }
        - { name: at, in: query, required: true, schema: { type: string } }
      requestBody: { required: true, content: { application/json: { schema: { type: object } } } }
      responses: { '201': { description: ok } }
`);
    const planned = planPerf(
      api,
      {
        profile: 'load',
        thresholds: [],
        seed: 1,
        scenarios: [
          {
            name: 'cart',
            steps: [
              { operation: 'POST /carts/{cartId}/lines', params: { cartId: 1, at: 'now' }, body: {}, extract: { cartId: '$response.body#/cart/id' } },
              { operation: 'POST /carts/{cartId}/lines', params: { at: '${cartId}' }, body: { cart: '${cartId}', note: 'n' } },
            ],
          },
        ],
      },
      createValueGenerator(api, 1),
    );
    const identities = { commonHeaders: { 'x-tenant': 't1' }, identities: [{ name: 'default', role: 'admin' as const, headers: { authorization: 'Bearer abc' }, credentials: {} }] };
    const [entry] = prepareMix(api, planned.mix, 'http://127.0.0.1:9/api/', identities);
    expect(entry!.requests).toEqual([]);
    const second = entry!.scenario![1]!;
    expect(second.operation).toBe('POST /carts/{cartId}/lines');
    expect(second.request.url).toBe('http://127.0.0.1:9/api/carts/__SENTINEL_cartId__/lines?at=__SENTINEL_cartId__');
    expect(second.request.body).toBe('{"cart":"__SENTINEL_cartId__","note":"n"}');
    expect(second.request.headers).toMatchObject({ authorization: 'Bearer abc', 'x-tenant': 't1', 'content-type': 'application/json' });
    expect([...second.request.url.matchAll(SCENARIO_MARKER)].map((match) => match[1])).toEqual(['cartId', 'cartId']);
    expect(entry!.scenario![0]!.extract).toEqual({ cartId: '$response.body#/cart/id' });
  });
});
