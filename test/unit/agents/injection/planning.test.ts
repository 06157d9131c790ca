// The injection agent's plan: which inputs are probed with which families, payload catalogs, markers
// that only execution can produce, and the canary URL for SSRF.
import { beforeAll, describe, expect, it } from 'vitest';
import { injectionAgent } from '../../../../src/agents/injection/agent.js';
import { expectedMarker, markerPayloads } from '../../../../src/agents/injection/payloads/command.js';
import { expectedOverrideAnswer, promptPayloads } from '../../../../src/agents/injection/payloads/prompt.js';
import { booleanPairs, delayPayloads } from '../../../../src/agents/injection/payloads/sql.js';
import { canaryTarget, tokenOf } from '../../../../src/agents/injection/payloads/ssrf.js';
import { markerToken } from '../../../../src/agents/injection/markers.js';
import { roleOf } from '../../../../src/core/roles.js';
import type { AgentOutput } from '../../../../src/agents/agent.js';
import type { ApiModel } from '../../../../src/spec/model.js';
import { modelFrom } from '../../execution/checks/security-fixtures.js';

const API = `
openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /search:
    get:
      parameters:
        - { name: q, in: query, required: true, schema: { type: string, maxLength: 40 } }
        - { name: sort, in: query, required: true, schema: { type: string, enum: [asc, desc] } }
        - { name: page, in: query, required: true, schema: { type: integer, minimum: 1 } }
      responses: { '200': { description: ok } }
  /files/{name}:
    get:
      parameters: [ { name: name, in: path, required: true, schema: { type: string } } ]
      responses: { '200': { description: ok } }
  /hooks:
    post:
      requestBody:
        content:
          application/json:
            schema:
              type: object
              required: [target, callback, active]
              properties:
                target: { type: string, format: uri }
                callback: { type: string }
                active: { type: boolean }
      responses: { '201': { description: ok } }
  /assistant/chat:
    post:
      requestBody:
        content:
          application/json:
            schema: { type: object, required: [messages], properties: { messages: { type: array, minItems: 1, items: { type: object, required: [content], properties: { content: { type: string } } } } } }
      responses: { '200': { description: ok } }
`;

let model: ApiModel;
let withCanary: AgentOutput;
let withoutCanary: AgentOutput;
beforeAll(async () => {
  model = await modelFrom(API);
  withCanary = injectionAgent.plan(model, model.operations, { seed: 5, maxExamples: 2, identities: [], canaryUrl: 'http://127.0.0.1:4555' });
  withoutCanary = injectionAgent.plan(model, model.operations, { seed: 5, maxExamples: 2, identities: [] });
});

function probed(output: AgentOutput, operation: string): string[] {
  const cases = [...output.cases, ...output.scenarios.flatMap((s) => s.steps.map((step) => step.case))];
  const found = new Set(cases.filter((c) => c.operation === operation && c.mutation).map((c) => `${c.mutation!.constraint.split(':')[0]} ${c.mutation!.location}.${c.mutation!.target}`));
  return [...found].sort();
}

describe('targets and families', () => {
  it('a search: strings and numbers get SQL, strings get command and XSS; enums are left alone', () => {
    expect(probed(withCanary, 'GET /search')).toEqual([
      'command_injection query.q',
      'sql_injection query.page',
      'sql_injection query.q',
      'xss query.q',
    ]);
  });
  it('a file route: path traversal on its path parameter', () => {
    expect(probed(withCanary, 'GET /files/{name}')).toContain('path_traversal path.name');
  });
  it('URL inputs (format uri, or named callback) get SSRF probes pointing at the canary', () => {
    const ssrf = withCanary.scenarios.filter((s) => s.kind === 'ssrf_canary');
    expect(ssrf.map((s) => s.steps[0]!.case.mutation!.target).sort()).toEqual(['/callback', '/target']);
    for (const scenario of ssrf) {
      expect(scenario.steps.map((s) => roleOf(s.case.id))).toEqual(['probe', 'probe-again']);
      const value = (scenario.steps[0]!.case.request.body!.value as Record<string, string>)[scenario.steps[0]!.case.mutation!.target.slice(1)]!;
      expect(value).toMatch(/^http:\/\/127\.0\.0\.1:4555\/ssrf\/[a-z0-9]{10}$/);
    }
    expect(probed(withCanary, 'POST /hooks')).not.toContain('sql_injection body./active');
  });
  it('without a canary, SSRF is a note, not a silent skip', () => {
    expect(withoutCanary.scenarios.some((s) => s.kind === 'ssrf_canary')).toBe(false);
    expect(withoutCanary.notes).toEqual(["ssrf not tested (no canary server for this run) on: POST /hooks"]);
  });
  it('an assistant route: prompt injection into the nested message content', () => {
    expect(probed(withCanary, 'POST /assistant/chat')).toContain('prompt_injection body./messages/0/content');
  });
  it('every probe asks for its check and information_disclosure', () => {
    for (const testCase of withCanary.cases) expect(testCase.checks).toEqual([testCase.mutation!.constraint.split(':')[0], 'information_disclosure']);
  });
  it('time-based scenarios: baseline, delay, zero-delay control, delay again', () => {
    const time = withCanary.scenarios.find((s) => s.kind === 'sqli_time')!;
    expect(time.steps.map((s) => roleOf(s.case.id))).toEqual(['baseline', 'delay-1', 'control', 'delay-2']);
    expect(time.steps[0]!.case.mutation).toBeUndefined();
  });
  it('is deterministic for a seed', () => {
    const again = injectionAgent.plan(model, model.operations, { seed: 5, maxExamples: 2, identities: [], canaryUrl: 'http://127.0.0.1:4555' });
    expect(JSON.stringify(again)).toBe(JSON.stringify(withCanary));
  });
});

describe('payload catalogs', () => {
  it('SQL boolean pairs: quoted for strings, bare for numbers', () => {
    expect(booleanPairs('abc', false)[0]).toEqual(["abc' OR '1'='1", "abc' AND '1'='2"]);
    expect(booleanPairs('7', true)[0]).toEqual(['7 OR 1=1', '7 AND 1=2']);
  });
  it('SQL sleeps cover PostgreSQL, MySQL and SQL Server with a 0-second control form', () => {
    const payloads = delayPayloads('x', false);
    expect(payloads.map((p) => p.db)).toEqual(['postgresql', 'mysql', 'sqlserver']);
    expect(payloads[0]!.payload(1)).toContain('pg_sleep(1)');
    expect(payloads[0]!.payload(0)).toContain('pg_sleep(0)');
  });
  it('command markers: the payload never holds the printed marker', () => {
    for (const payload of markerPayloads('host', 'tok42')) {
      expect(expectedMarker(payload)).toBe('SNTLtok42');
      expect(payload).not.toContain('SNTLtok42');
    }
    expect(expectedMarker('plain')).toBeUndefined();
  });
  it('prompt override: the payload never holds the joined answer', () => {
    const override = promptPayloads('tok42').find((p) => p.probe === 'override')!;
    expect(expectedOverrideAnswer(override.payload)).toBe('SNTLtok42');
    expect(override.payload).not.toContain('SNTLtok42');
  });
  it('SSRF canary URLs carry their token', () => {
    expect(tokenOf(canaryTarget('http://127.0.0.1:9/', 'abc123xyz0'))).toBe('abc123xyz0');
  });
  it('markers are seeded: same label and seed → same token, else different', () => {
    expect(markerToken(1, 'a')).toBe(markerToken(1, 'a'));
    expect(markerToken(1, 'a')).not.toBe(markerToken(2, 'a'));
    expect(markerToken(1, 'a')).not.toBe(markerToken(1, 'b'));
  });
});
