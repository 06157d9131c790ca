// Nothing a run publishes holds a credential: every event of a run sent with a bearer token, basic
// credentials and an API key (in a header and in the query) is checked for the secrets, against a target
// that echoes them back in its bodies and cookies so findings carry them too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { negativeAgent } from '../../src/agents/negative/agent.js';
import { positiveAgent } from '../../src/agents/positive.js';
import type { RunEvent } from '../../src/core/events.js';
import { apiKeyHeaderNames } from '../../src/execution/auth/apply.js';
import { buildIdentities } from '../../src/execution/auth/identity.js';
import { runTests } from '../../src/orchestration/run-tests.js';
import { loadSpec } from '../../src/spec/load.js';
import { startHttpServer, type TestServer } from '../support/http-server.js';

const BEARER = 'bearer-secret-0a1b2c3d4e5f';
const BASIC_PASSWORD = 'basic-password-9z8y7x';
const API_KEY = 'api-key-secret-5566778899';

const SPEC = `
openapi: 3.0.3
info: { title: echo, version: '1' }
components:
  securitySchemes:
    token: { type: http, scheme: bearer }
    password: { type: http, scheme: basic }
    key: { type: apiKey, in: header, name: X-Service-Key }
    queryKey: { type: apiKey, in: query, name: svc }
paths:
  /items:
    get:
      security: [{ token: [], key: [] }]
      parameters: [{ name: q, in: query, schema: { type: string, maxLength: 5 } }]
      responses: { '200': { description: ok, content: { application/json: { schema: { type: object, properties: { n: { type: integer } } } } } } }
  /admin:
    post:
      security: [{ password: [], queryKey: [] }]
      requestBody: { required: true, content: { application/json: { schema: { type: object, required: [name], properties: { name: { type: string } } } } } }
      responses: { '201': { description: created } }
`;

let target: TestServer;

beforeAll(async () => {
  // Always wrong in ways the checks notice (500s, bodies off the schema), and always echoing the
  // credentials it was sent: headers and URL in the body, the token in a cookie.
  target = await startHttpServer((request, response) => {
    const echoed = JSON.stringify({ url: request.url, headers: request.headers, access_token: BEARER });
    response.writeHead(500, { 'content-type': 'application/json', 'set-cookie': `sid=${API_KEY}; Path=/` });
    response.end(echoed);
  });
});

afterAll(async () => {
  await target.close();
});

describe('the events of a run never hold a secret', () => {
  it('bearer token, basic credentials and API keys are redacted in every event', async () => {
    const model = await loadSpec('-', { stdin: SPEC });
    const identities = buildIdentities(
      { headers: [], credentials: { bearer: BEARER, basic: `alice:${BASIC_PASSWORD}`, apiKey: API_KEY }, identities: [] },
      apiKeyHeaderNames(model),
    );
    const events: RunEvent[] = [];
    const { result } = await runTests({
      model,
      operations: model.operations,
      baseUrl: target.url,
      agents: [positiveAgent, negativeAgent],
      seed: 3,
      maxExamples: 2,
      identities,
      concurrency: 2,
      timeoutMs: 2000,
      onEvent: (event) => events.push(event),
    });
    // The run did send the credentials and found problems, so there was something to leak.
    expect(result.findings.length).toBeGreaterThan(0);
    expect(events.some((event) => event.type === 'exchange')).toBe(true);
    expect(events.some((event) => event.type === 'finding')).toBe(true);
    const text = JSON.stringify(events);
    expect(text).toContain('[REDACTED]');
    const basic = Buffer.from(`alice:${BASIC_PASSWORD}`).toString('base64');
    for (const secret of [BEARER, BASIC_PASSWORD, basic, API_KEY]) expect(text, `a run event holds ${secret}`).not.toContain(secret);
  });
});
