import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseThreshold } from '../../src/agents/perf/thresholds.js';
import { exportInput } from '../../src/report/perf/export-input.js';
import { k6Thresholds, toK6Script } from '../../src/report/perf/k6.js';
import { toLocustScript } from '../../src/report/perf/locust.js';
import type { LoadModel, MixEntry } from '../../src/execution/load/types.js';

const directory = mkdtempSync(join(tmpdir(), 'sentinel-perf-export-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const mix: MixEntry[] = [
  {
    operation: 'GET /pets',
    weight: 3,
    requests: [{ method: 'GET', url: 'http://127.0.0.1:8080/api/pets?limit=5', headers: { accept: 'application/json', authorization: 'Bearer s3cret' }, operation: 'GET /pets' }],
  },
  {
    operation: 'POST /pets',
    weight: 1,
    requests: [{ method: 'POST', url: 'http://127.0.0.1:8080/api/pets', headers: { 'content-type': 'application/json' }, body: '{"name":"Zoë \\"quoted\\" \'x\'\\n"}', operation: 'POST /pets' }],
  },
];
const thresholds = ['p95<200ms', 'p99<1s', 'max<=2s', 'avg<50ms', 'error_rate<1%', 'rps>100'].map(parseThreshold);
const stages = [
  { name: 'step 1/2', durationMs: 5000, target: 12.5 },
  { name: 'step 2/2', durationMs: 5000, target: 25 },
];

function input(model: LoadModel) {
  return exportInput('http://127.0.0.1:8080/api/', model, stages, thresholds, mix);
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
  });
  it('Locust: a Python file that compiles, with the mix, stages and thresholds', () => {
    const script = toLocustScript(input(model));
    const file = join(directory, `locust_${model}.py`);
    writeFileSync(file, script);
    execFileSync('python3', ['-m', 'py_compile', file]);
    expect(script).toContain('class SentinelStages(LoadTestShape)');
    expect(script).toContain(model === 'open' ? 'constant_throughput(5)' : 'constant(0)');
    expect(script).not.toContain('s3cret');
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
