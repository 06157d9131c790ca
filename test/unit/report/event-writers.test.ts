// The writers that show the event stream: ndjson (every event), har (every exchange, HAR 1.2) and html
// (summary, charts, coverage matrix, findings). Exchanges are redacted the way execution emits them.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { RunEvent } from '../../../src/core/events.js';
import type { Exchange } from '../../../src/core/exchange.js';
import { redactExchange } from '../../../src/execution/redaction/redact.js';
import { applyBaseline, parseBaseline } from '../../../src/orchestration/baseline.js';
import { writers } from '../../../src/report/index.js';
import { finding, runResult, SECRETS } from './fixtures.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const HAR_SCHEMA = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/har/har-1.2.schema.json'), 'utf8'));

function exchange(extra: Partial<Exchange> = {}): Exchange {
  return {
    caseId: 'c1',
    correlationId: 'corr-1',
    request: {
      method: 'POST',
      url: `http://127.0.0.1:8080/pets?access_token=${SECRETS.queryToken}&sig=${SECRETS.customQuery}&limit=10`,
      headers: { authorization: `Bearer ${SECRETS.bearer}`, cookie: `session=${SECRETS.cookie}; theme=dark`, 'content-type': 'application/json' },
      body: '{"name":"Rex"}',
    },
    response: { status: 500, headers: { 'content-type': 'text/plain', 'set-cookie': [`sid=${SECRETS.cookie}; Path=/`, 'theme=dark'] }, body: '<b>boom</b>', truncated: false },
    startedAt: Date.parse('2026-11-27T10:00:00.000Z'),
    durationMs: 12.5,
    retries: 0,
    ...extra,
  };
}

function events(): RunEvent[] {
  const result = runResult();
  const failed = exchange({ caseId: 'c2', correlationId: 'corr-2', request: { method: 'GET', url: 'http://127.0.0.1:8080/health', headers: {} }, error: { code: 'ECONNRESET', message: 'socket hang up' } });
  delete failed.response;
  return [
    { type: 'run.started', runId: 'run-1', startedAt: result.summary.startedAt, operations: 3, plannedCases: 2, plannedScenarios: 0 },
    { type: 'exchange', operation: 'POST /pets', exchange: redactExchange(exchange(), ['sig']) },
    { type: 'case.finished', caseId: 'c1', operation: 'POST /pets', agent: 'positive', requests: 1, findings: 1 },
    { type: 'exchange', operation: 'GET /health', exchange: redactExchange(failed, ['sig']) },
    { type: 'exchange', operation: 'GET /pets/{id}', exchange: redactExchange(exchange({ request: { method: 'GET', url: 'http://127.0.0.1:8080/pets/1', headers: {} }, response: { status: 200, headers: {}, body: '{}', truncated: false } }), ['sig']) },
    ...result.findings.map((f): RunEvent => ({ type: 'finding', finding: f })),
    { type: 'run.finished', result },
  ];
}

function expectNoSecret(output: string): void {
  for (const [name, secret] of Object.entries(SECRETS)) expect(output, `${name} leaked`).not.toContain(secret);
}

describe('ndjson', () => {
  it('writes every event on its own line, ending with the reported result', () => {
    const reported = applyBaseline(runResult(), parseBaseline('{"findings": []}', 'old.json'));
    const lines = writers.ndjson(reported, events()).trimEnd().split('\n');
    const parsed = lines.map((line) => JSON.parse(line) as RunEvent);
    expect(parsed.map((e) => e.type)).toEqual(['run.started', 'exchange', 'case.finished', 'exchange', 'exchange', 'finding', 'finding', 'finding', 'run.finished']);
    const last = parsed.at(-1)!;
    expect(last.type === 'run.finished' && last.result.summary.baseline?.file).toBe('old.json');
    expectNoSecret(lines.join('\n'));
  });
});

describe('har', () => {
  const har = JSON.parse(writers.har(runResult(), events()));

  it('is valid HAR 1.2 (the schema written from the specification)', () => {
    const ajv = addFormats(new Ajv({ allErrors: true, strict: false }));
    const validate = ajv.compile(HAR_SCHEMA);
    expect(validate(har), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('the schema is not a rubber stamp: it refuses a HAR missing a required field or with an unprefixed custom one', () => {
    const validate = addFormats(new Ajv({ strict: false })).compile(HAR_SCHEMA);
    const broken = structuredClone(har);
    delete broken.log.entries[0].response.content;
    expect(validate(broken)).toBe(false);
    const custom = structuredClone(har);
    custom.log.entries[0].operation = 'x';
    expect(validate(custom)).toBe(false);
  });

  it('has every exchange, a failed request as status 0 with its error, and no secret', () => {
    expect(har.log.entries).toHaveLength(3);
    const [first, failed] = har.log.entries;
    expect(first.request.method).toBe('POST');
    expect(first.request.postData).toEqual({ mimeType: 'application/json', text: '{"name":"Rex"}' });
    expect(first.request.queryString).toContainEqual({ name: 'limit', value: '10' });
    expect(first.response.headers.filter((h: { name: string }) => h.name === 'set-cookie')).toHaveLength(2);
    expect(first._operation).toBe('POST /pets');
    expect(first.time).toBe(12.5);
    expect(failed.response.status).toBe(0);
    expect(failed._error).toBe('ECONNRESET: socket hang up');
    expectNoSecret(JSON.stringify(har));
  });
});

describe('html', () => {
  const hostile = finding({
    title: '<script>alert(1)</script>',
    message: `"><img src=x onerror=alert(2)>`,
    operation: 'GET /pets/</td>',
    evidence: '<iframe src="https://example.com"></iframe>',
    flaky: {
      original: { correlationId: 'corr-1', status: 500, durationMs: 3, verdict: 'server_error failed: <b>500</b>' },
      retry: { correlationId: 'corr-9', status: 200, durationMs: 2, verdict: 'server_error passed' },
    },
  });
  const compared = applyBaseline(runResult([hostile, ...runResult().findings.slice(1)]), parseBaseline('{"findings": []}', 'old<1>.json'));
  const html = writers.html(compared, events());

  it('escapes every piece of run data: no markup from the run survives', () => {
    expect(html).not.toMatch(/<(script|img|iframe)\b/i);
    expect(html).toContain("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;");
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('old&lt;1&gt;.json');
    expectNoSecret(html);
  });

  it('loads nothing: no script, no external reference, a policy forbidding both', () => {
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/\b(src|href)=["']?https?:/i);
  });

  it('has the summary, the charts, the coverage matrix and every finding with request, response and curl', () => {
    expect(html).toMatch(/<h2>Summary<\/h2>/);
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('aria-label="By severity"');
    expect(html).toContain('aria-label="By check"');
    // Columns: the statuses seen, then requests with no response.
    expect(html).toMatch(/<th>operation<\/th><th class="n">200<\/th><th class="n">500<\/th><th class="n">none<\/th>/);
    expect(html).toMatch(/<tr><td><code>POST \/pets<\/code><\/td><td class="n zero">0<\/td><td class="n">1<\/td>/);
    expect(html.match(/<details class="finding"/g)).toHaveLength(compared.findings.length);
    expect(html).toContain('<h5>Reproduce</h5>');
    expect(html).toContain('Flaky: the request sent again did not fail the same way');
    expect(html).toContain('server_error passed');
    expect(html).toContain('<span class="tag new">new</span>');
  });
});
