import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInContext, createContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { parseThreshold } from '../../../../src/perf/analyze/thresholds.js';
import { exportInput } from '../../../../src/perf/report/export-input.js';
import { k6Thresholds, toK6Script } from '../../../../src/perf/report/k6.js';
import { toLocustScript } from '../../../../src/perf/report/locust.js';
import type { LoadModel, MixEntry } from '../../../../src/execution/load/types.js';
import { matchPattern } from '../../../../src/core/extract-pattern.js';

const directory = mkdtempSync(join(tmpdir(), 'sentinel-perf-export-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const mix: MixEntry[] = [
  {
    operation: 'GET /pets',
    weight: 3,
    requests: [{ method: 'GET', url: 'http://127.0.0.1:8080/api/pets?limit=5&api_key=k3y', headers: { accept: 'application/json', authorization: 'Bearer s3cret' }, operation: 'GET /pets' }],
  },
  {
    operation: 'POST /pets',
    weight: 1,
    requests: [{ method: 'POST', url: 'http://127.0.0.1:8080/api/pets', headers: { 'content-type': 'application/json' }, body: '{"name":"Zoë \\"quoted\\" \'x\'\\n"}', operation: 'POST /pets' }],
  },
];
// A scenario as prepareMix writes it: markers where the created pet's id and Location go.
const lifecycle: MixEntry = {
  operation: 'scenario lifecycle /pets',
  weight: 2,
  requests: [],
  scenario: [
    {
      operation: 'POST /pets',
      request: { method: 'POST', url: 'http://127.0.0.1:8080/api/pets', headers: { 'content-type': 'application/json', authorization: 'Bearer s3cret' }, body: '{"name":"rex"}', operation: 'POST /pets' },
      extract: { petId: '$response.body#/data/id', where: '$response.header.Location' },
    },
    {
      operation: 'PUT /pets/{petId}',
      request: {
        method: 'PUT',
        url: 'http://127.0.0.1:8080/api/pets/__SENTINEL_petId__?from=__SENTINEL_where__',
        headers: { 'content-type': 'application/json', 'x-pet': '__SENTINEL_petId__' },
        body: '{"id":"__SENTINEL_petId__","note":"was __SENTINEL_petId__ at __SENTINEL_where__"}',
        operation: 'PUT /pets/{petId}',
      },
    },
    // `sig` is secret only because the description's apiKey scheme says so (exportInput's secretNames).
    { operation: 'DELETE /pets/{petId}', request: { method: 'DELETE', url: 'http://127.0.0.1:8080/api/pets/__SENTINEL_petId__?sig=t0ps3cret', headers: {}, operation: 'DELETE /pets/{petId}' } },
  ],
};
mix.push(lifecycle);
// A create that gives the id only in a Location header (a pattern with a JavaScript named group takes it)
// and a body that must be new each iteration.
const signUp: MixEntry = {
  operation: 'scenario sign up',
  weight: 1,
  requests: [],
  scenario: [
    {
      operation: 'POST /users',
      request: { method: 'POST', url: 'http://127.0.0.1:8080/api/users', headers: { 'content-type': 'application/json' }, body: '{"email":"u__SENTINEL_unique__@example.com","login":"__SENTINEL_unique__"}', operation: 'POST /users' },
      extract: { userId: '$response.header.Location#regex:/users/(?<id>[^/?#]+)(?:[?#]|$)' },
    },
    { operation: 'GET /users/{userId}', request: { method: 'GET', url: 'http://127.0.0.1:8080/api/users/__SENTINEL_userId__?ref=__SENTINEL_unique__', headers: {}, operation: 'GET /users/{userId}' } },
  ],
};
mix.push(signUp);
const SIGN_UP = 'scenario sign up';
const signedUp = (location: string): Answer => ({ status: 201, headers: { Location: location }, body: '' });

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}
const created: Answer = { status: 201, headers: { Location: '/pets/a "b"' }, body: '{"data":{"id":42}}' };
const ok: Answer = { status: 200, headers: {}, body: '' };
/** What the scenario should send after `created`: the id as a number in JSON, encoded in the URL, as text in headers. */
const expectedSteps = [
  { method: 'POST', url: 'http://127.0.0.1:8080/api/pets', body: '{"name":"rex"}' },
  { method: 'PUT', url: 'http://127.0.0.1:8080/api/pets/42?from=%2Fpets%2Fa%20%22b%22', body: '{"id":42,"note":"was 42 at /pets/a \\"b\\""}', pet: '42' },
  { method: 'DELETE', url: 'http://127.0.0.1:8080/api/pets/42?sig=from%20env', body: null },
];

/** Runs the k6 script's scenario in node with a stand-in for k6/http answering `answers` in turn. */
function runK6Scenario(script: string, answers: Answer[], name = 'scenario lifecycle /pets', iterations = 1, vu = 1) {
  const sent: { method: string; url: string; body: string | null; pet?: string; name: string }[] = [];
  const http = {
    setResponseCallback: () => undefined,
    expectedStatuses: () => undefined,
    request: (method: string, url: string, body: string | null, params: { headers: Record<string, string>; tags: { name: string } }) => {
      sent.push({ method, url, body, name: params.tags.name, ...(params.headers['x-pet'] !== undefined ? { pet: params.headers['x-pet'] } : {}) });
      return answers[sent.length - 1] ?? ok;
    },
  };
  const context = createContext({ http, __ENV: { SENTINEL_QUERY_SIG: 'from env' }, __VU: vu });
  runInContext(script.replace("import http from 'k6/http';", '').replace('export const options', 'const options').replace('export default function', 'function main'), context);
  for (let i = 0; i < iterations; i++) runInContext(`runScenario(${JSON.stringify(name)}, SCENARIOS[${JSON.stringify(name)}])`, context);
  return sent;
}

/** Runs the Locust file's scenario in python with stand-ins for the locust module and the HTTP client. */
function runLocustScenario(file: string, answers: Answer[], name = 'scenario lifecycle /pets', iterations = 1) {
  const harness = `
import contextlib, json, sys, types
fake = types.ModuleType("locust")
class Quitting:
    @staticmethod
    def add_listener(function):
        return function
fake.HttpUser = type("HttpUser", (), {})
fake.LoadTestShape = type("LoadTestShape", (), {})
fake.events = types.SimpleNamespace(quitting=Quitting)
fake.task = lambda function: function
fake.constant_throughput = fake.constant = lambda value: None
sys.modules["locust"] = fake
namespace = {"__name__": "locustfile"}
exec(open(sys.argv[1]).read(), namespace)
answers = json.loads(sys.argv[2])
sent = []
class Response:
    def __init__(self, answer):
        self.status_code, self.headers, self.text = answer["status"], answer["headers"], answer["body"]
    def failure(self, why):
        pass
    def success(self):
        pass
class Client:
    @contextlib.contextmanager
    def request(self, method, path, headers=None, data=None, name=None, catch_response=False):
        entry = {"method": method, "url": "http://127.0.0.1:8080/api" + path, "body": data.decode("utf-8") if data is not None else None, "name": name}
        if "x-pet" in headers:
            entry["pet"] = headers["x-pet"]
        sent.append(entry)
        yield Response(answers[len(sent) - 1] if len(sent) <= len(answers) else {"status": 200, "headers": {}, "body": ""})
user = namespace["SentinelUser"].__new__(namespace["SentinelUser"])
user.client = Client()
for _ in range(int(sys.argv[4])):
    user.run_scenario(sys.argv[3])
print(json.dumps(sent))
`;
  const env = { ...process.env, SENTINEL_QUERY_SIG: 'from env' };
  return JSON.parse(execFileSync('python3', ['-c', harness, file, JSON.stringify(answers), name, String(iterations)], { env }).toString()) as { method: string; url: string; body: string | null; pet?: string; name: string }[];
}

const thresholds = ['p95<200ms', 'p99<1s', 'max<=2s', 'avg<50ms', 'error_rate<1%', 'rps>100'].map(parseThreshold);
const stages = [
  { name: 'step 1/2', durationMs: 5000, target: 12.5 },
  { name: 'step 2/2', durationMs: 5000, target: 25 },
];

function input(model: LoadModel) {
  return exportInput('http://127.0.0.1:8080/api/', model, stages, thresholds, mix, ['sig']);
}

describe.each(['open', 'closed'] as const)('exports of the %s model', (model) => {
  it('k6: an ES module that node parses, with the mix, stages and no secret', () => {
    const script = toK6Script(input(model));
    const file = join(directory, `k6-${model}.mjs`);
    writeFileSync(file, script);
    // Syntax only: `k6/http` exists inside k6, so the module is parsed but never linked.
    execFileSync(process.execPath, ['--check', file]);
    expect(script).toContain("import http from 'k6/http';");
    expect(script).toContain(model === 'open' ? '"executor": "ramping-arrival-rate"' : '"executor": "ramping-vus"');
    expect(script).toContain('"path": "/pets?limit=5"');
    expect(script).toContain('"authorization": "SENTINEL_HEADER_AUTHORIZATION"');
    expect(script).not.toContain('s3cret');
    expect(script).not.toContain('k3y');
    expect(script).toContain('"api_key": "SENTINEL_QUERY_API_KEY"');
    expect(script).toContain('k6 run -e SENTINEL_HEADER_AUTHORIZATION=... -e SENTINEL_QUERY_API_KEY=... -e SENTINEL_QUERY_SIG=...');
    expect(script).toContain('"scenario lifecycle /pets"');
  });
  it('k6: a scenario sends its steps in order, filling extracted values; a failed or empty answer ends it', () => {
    const script = toK6Script(input(model));
    const sent = runK6Scenario(script, [created, ok, ok]);
    expect(sent.map(({ name: _name, ...request }) => request)).toEqual(expectedSteps);
    expect(sent.map((request) => request.name)).toEqual(['POST /pets', 'PUT /pets/{petId}', 'DELETE /pets/{petId}']);
    expect(runK6Scenario(script, [{ ...created, status: 500 }])).toHaveLength(1);
    expect(runK6Scenario(script, [{ ...created, body: '{"data":{}}' }])).toHaveLength(1);
  });
  it('Locust: a scenario sends its steps in order, filling extracted values; a failed or empty answer ends it', () => {
    const file = join(directory, `locust_run_${model}.py`);
    writeFileSync(file, toLocustScript(input(model)));
    const sent = runLocustScenario(file, [created, ok, ok]);
    expect(sent.map(({ name: _name, ...request }) => request)).toEqual(expectedSteps);
    expect(runLocustScenario(file, [{ ...created, status: 404 }])).toHaveLength(1);
    expect(runLocustScenario(file, [{ ...created, headers: {} }])).toHaveLength(1);
  });
  it('Locust: a Python file that compiles, with the mix, stages and thresholds', () => {
    const script = toLocustScript(input(model));
    const file = join(directory, `locust_${model}.py`);
    writeFileSync(file, script);
    execFileSync('python3', ['-m', 'py_compile', file]);
    expect(script).toContain('class SentinelStages(LoadTestShape)');
    expect(script).toContain(model === 'open' ? 'constant_throughput(5)' : 'constant(0)');
    expect(script).not.toContain('s3cret');
    expect(script).not.toContain('k3y');
    // Runs the embedded JSON through Python to prove the data survives quoting.
    const decoded = execFileSync('python3', ['-c', `import ast,json,sys; src=open(sys.argv[1]).read(); line=[l for l in src.splitlines() if l.startswith("REQUESTS =")][0]; print(json.loads(ast.literal_eval(line.split("json.loads(",1)[1][:-1]))["POST /pets"][0]["body"])`, file]).toString();
    expect(decoded.trim()).toBe('{"name":"Zoë \\"quoted\\" \'x\'\\n"}');
  });
});

describe('k6 thresholds', () => {
  it('map each Sentinel threshold to the k6 metric', () => {
    expect(k6Thresholds(thresholds)).toEqual({
      http_req_duration: ['p(95)<200', 'p(99)<1000', 'max<=2000', 'avg<50'],
      http_req_failed: ['rate<0.01'],
      http_reqs: ['rate>100'],
    });
  });
});

/** Header values and patterns whose extraction the engine, the k6 script and the Locust file must agree on. */
const patternCases: { pattern: string; headers: string[] }[] = [
  { pattern: '/items/([^/?#]+)(?:[?#]|$)', headers: ['/items/42', 'https://api.example/v2/items/a%20b%2Fc?x=1', '/items/', '/orders/1', '/items/%C3%A9#top', '/items/50%25', '/items/a%20%zz'] },
  { pattern: '\\d+$', headers: ['/items/42', '/items/x'] },
  { pattern: '/(?<kind>\\w+)/(?<id>\\d+)/\\k<kind>', headers: ['/a/1/a', '/a/1/b'] },
  { pattern: '/items/(x)?\\d+', headers: ['/items/4', '/items/x4'] },
  { pattern: '[\\w.-]+@(\\S+)\\b', headers: ['mailto:a.b@example.com', 'none'] },
];

describe('$response.header.Name#regex:<pattern> in the exports', () => {
  const extract = Object.fromEntries(patternCases.map((entry, index) => [`p${index}`, `$response.header.Location#regex:${entry.pattern}`]));
  const patterns: MixEntry = {
    operation: 'scenario patterns',
    weight: 1,
    requests: [],
    scenario: [{ operation: 'POST /x', request: { method: 'POST', url: 'http://127.0.0.1:8080/api/x', headers: {}, operation: 'POST /x' }, extract }],
  };
  const exported = exportInput('http://127.0.0.1:8080/api/', 'open', stages, thresholds, [patterns]);
  /** What the engine gives, `null` for a failed extraction. */
  const expected = patternCases.map((entry) => entry.headers.map((header) => matchPattern(header, new RegExp(entry.pattern)) ?? null));

  it('the engine extracts what the cases say', () => {
    expect(expected[0]).toEqual(['42', 'a b/c', null, null, 'é', '50%', 'a%20%zz']);
    expect(expected[2]).toEqual(['a', null]);
    expect(expected[3]).toEqual([null, 'x']);
    expect(expected[4]).toEqual(['example.com', null]);
  });

  it('k6 extracts the same values', () => {
    const context = createContext({ http: { setResponseCallback: () => undefined, expectedStatuses: () => undefined }, __ENV: {}, __VU: 1 });
    runInContext(toK6Script(exported).replace("import http from 'k6/http';", '').replace('export const options', 'const options').replace('export default function', 'function main'), context);
    const got = patternCases.map((entry, index) =>
      entry.headers.map((header) => (runInContext(`extractValue(${JSON.stringify(extract[`p${index}`])}, { headers: { Location: ${JSON.stringify(header)} } })`, context) as string | undefined) ?? null),
    );
    expect(got).toEqual(expected);
  });

  it('Locust extracts the same values, from patterns written for Python', () => {
    const file = join(directory, 'locust_patterns.py');
    const script = toLocustScript(exported);
    writeFileSync(file, script);
    expect(script).toContain('(?P<kind>');
    const harness = `
import json, sys, types
fake = types.ModuleType("locust")
fake.HttpUser = type("HttpUser", (), {})
fake.LoadTestShape = type("LoadTestShape", (), {})
fake.events = types.SimpleNamespace(quitting=types.SimpleNamespace(add_listener=lambda function: function))
fake.task = lambda function: function
fake.constant_throughput = fake.constant = lambda value: None
sys.modules["locust"] = fake
namespace = {"__name__": "locustfile"}
exec(open(sys.argv[1]).read(), namespace)
cases = json.loads(sys.argv[2])
rules = namespace["SCENARIOS"]["scenario patterns"][0]["extract"]
out = []
for index, case in enumerate(cases):
    row = []
    for header in case["headers"]:
        value = namespace["extract_value"](rules["p%d" % index], types.SimpleNamespace(headers={"Location": header}))
        row.append(None if value is namespace["MISSING"] else value)
    out.append(row)
print(json.dumps(out))
`;
    expect(JSON.parse(execFileSync('python3', ['-c', harness, file, JSON.stringify(patternCases)]).toString())).toEqual(expected);
  });
});

describe('the reserved unique value in the exports', () => {
  const exported = input('closed');
  const uniques = (sent: { url: string; body: string | null }[]) =>
    sent.filter((request) => request.url.endsWith('/users')).map((request) => /"login":"([a-z0-9]+)"/.exec(request.body ?? '')![1]!);

  it('k6: new per iteration and per VU, the same for the steps of one iteration, id from the Location', () => {
    const script = toK6Script(exported);
    const sent = runK6Scenario(script, [signedUp('http://127.0.0.1:8080/api/users/u%2042?x=1'), ok, signedUp('/api/users/7'), ok], SIGN_UP, 2);
    const [first, second] = uniques(sent);
    expect(first).toMatch(/^[a-z][a-z0-9]{3}11[0-9a-z]+$/);
    expect(second).not.toBe(first);
    expect(sent.map((request) => request.url)).toEqual([
      'http://127.0.0.1:8080/api/users',
      `http://127.0.0.1:8080/api/users/u%2042?ref=${first}`,
      'http://127.0.0.1:8080/api/users',
      `http://127.0.0.1:8080/api/users/7?ref=${second}`,
    ]);
    expect(sent[0]!.body).toBe(`{"email":"u${first}@example.com","login":"${first}"}`);
    const otherVu = uniques(runK6Scenario(script, [signedUp('/users/1'), ok], SIGN_UP, 1, 2));
    expect(otherVu[0]).toMatch(/^[a-z][a-z0-9]{3}12[0-9a-z]+$/);
    // A Location the pattern does not match ends the iteration.
    expect(runK6Scenario(script, [signedUp('/accounts/1')], SIGN_UP)).toHaveLength(1);
  });

  it('Locust: new per iteration, the same for the steps of one iteration, id from the Location', () => {
    const file = join(directory, 'locust_unique.py');
    writeFileSync(file, toLocustScript(exported));
    const sent = runLocustScenario(file, [signedUp('http://127.0.0.1:8080/api/users/u%2042?x=1'), ok, signedUp('/api/users/7'), ok], SIGN_UP, 2);
    const [first, second] = uniques(sent);
    expect(first).toMatch(/^[a-z][a-z0-9]{3}[1-3][0-9a-z]+$/);
    expect(second).not.toBe(first);
    expect(sent.map((request) => request.url)).toEqual([
      'http://127.0.0.1:8080/api/users',
      `http://127.0.0.1:8080/api/users/u%2042?ref=${first}`,
      'http://127.0.0.1:8080/api/users',
      `http://127.0.0.1:8080/api/users/7?ref=${second}`,
    ]);
    expect(sent[0]!.body).toBe(`{"email":"u${first}@example.com","login":"${first}"}`);
    expect(runLocustScenario(file, [signedUp('/accounts/1')], SIGN_UP)).toHaveLength(1);
  });
});

describe('think time in the exports (closed model)', () => {
  const withThink = (model: LoadModel, thinkTime: { minMs: number; maxMs: number }) =>
    exportInput('http://127.0.0.1:8080/api/', model, stages, thresholds, mix, ['sig'], thinkTime);

  it('k6 sleeps between a virtual user turns, a range drawn per turn; the module still parses', () => {
    const script = toK6Script(withThink('closed', { minMs: 500, maxMs: 2000 }));
    const file = join(directory, 'k6-think.mjs');
    writeFileSync(file, script);
    execFileSync(process.execPath, ['--check', file]);
    expect(script).toContain("import { sleep } from 'k6';");
    expect(script).toMatch(/export default function \(\) \{\n  sendNext\(\);\n.*\n  sleep\(0\.5 \+ Math\.random\(\) \* 1\.5\);\n\}/);
    expect(toK6Script(withThink('closed', { minMs: 1000, maxMs: 1000 }))).toContain('  sleep(1);\n');
  });

  it('Locust waits between tasks: between() for a range, constant() for a fixed pause', () => {
    const file = join(directory, 'locust_think.py');
    writeFileSync(file, toLocustScript(withThink('closed', { minMs: 500, maxMs: 2000 })));
    execFileSync('python3', ['-m', 'py_compile', file]);
    const script = readFileSync(file, 'utf8');
    expect(script).toContain('from locust import HttpUser, LoadTestShape, events, task, between');
    expect(script).toContain('wait_time = between(0.5, 2)');
    expect(toLocustScript(withThink('closed', { minMs: 1000, maxMs: 1000 }))).toContain('wait_time = constant(1)');
  });

  it('the open model has no think time: arrivals do not wait on answers', () => {
    expect(withThink('open', { minMs: 1000, maxMs: 1000 }).thinkTime).toBeUndefined();
    expect(toK6Script(withThink('open', { minMs: 1000, maxMs: 1000 }))).not.toContain('sleep(');
  });
});
