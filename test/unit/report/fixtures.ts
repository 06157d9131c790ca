// A run result with secrets in every place they can hide, redacted the way execution hands it over
// (findings and target redacted where they are made), shared by the writer tests.
import type { Finding } from '../../../src/core/finding.js';
import type { RunResult } from '../../../src/core/run-result.js';
import { redactUrl } from '../../../src/execution/redaction/redact.js';
import { redactFinding } from '../../../src/execution/redaction/redact-finding.js';

export const SECRETS = {
  bearer: 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0LXBheWxvYWQ.sig-abc123xyz',
  apiKey: 'key-7f3e9a1b2c4d',
  queryToken: 'qtok-55aa66bb77',
  customQuery: 'custom-sig-998877',
  cookie: 'sess-0123456789abcdef',
  issued: 'issued-refresh-token-42x',
  basicPassword: 'hunter2-basic',
  userinfo: 'pw-in-url-31337',
};

const basic = Buffer.from(`alice:${SECRETS.basicPassword}`).toString('base64');

export function finding(extra: Partial<Finding> = {}): Finding {
  return {
    check: 'server_error',
    severity: 'high',
    operation: 'POST /pets',
    title: 'Server error 500',
    message: 'POST answered 500; a server should handle the request or refuse it with a 4xx.',
    cause: 'status:500',
    request: {
      method: 'POST',
      url: `http://127.0.0.1:8080/pets?access_token=${SECRETS.queryToken}&sig=${SECRETS.customQuery}&limit=10`,
      headers: {
        authorization: `Bearer ${SECRETS.bearer}`,
        'x-api-key': SECRETS.apiKey,
        cookie: `session=${SECRETS.cookie}; theme=dark-mode`,
        'content-type': 'application/json',
        'x-correlation-id': 'corr-1',
      },
      body: `{"name":"Rex's <pet> & \u0001friend","echo":"${SECRETS.apiKey}"}`,
    },
    response: {
      status: 500,
      headers: { 'content-type': 'text/plain', 'set-cookie': [`sid=${SECRETS.cookie}; Path=/; HttpOnly`] },
      body: `Traceback: token ${SECRETS.bearer} rejected <b>&</b>\u0000`,
    },
    curl: 'ignored: writers rebuild it from the request',
    count: 3,
    caseIds: ['c1', 'c2', 'c3'],
    correlationId: 'corr-1',
    evidence: `Traceback: token ${SECRETS.bearer}`,
    ...extra,
  };
}

export function runResult(findings: Finding[] = defaultFindings()): RunResult {
  const secretNames = ['sig'];
  return {
    summary: {
      runId: 'run-1',
      target: redactUrl(`http://admin:${SECRETS.userinfo}@127.0.0.1:8080`, secretNames),
      spec: 'examples/petstore.yaml',
      seed: 42,
      startedAt: '2026-11-27T10:00:00.000Z',
      finishedAt: '2026-11-27T10:00:02.500Z',
      durationMs: 2500,
      operations: 3,
      cases: 40,
      scenarios: 2,
      requests: 55,
      transportErrors: 1,
      findings: findings.length,
      bySeverity: { critical: 1, high: 1, medium: 1, low: 0, info: 0 },
      byCheck: { server_error: 1, response_schema_conformance: 1, bola: 1 },
      notes: ['bfla: only one identity given'],
      checksRun: {
        'POST /pets': ['server_error', 'status_code_conformance'],
        'GET /pets/{id}': ['server_error', 'response_schema_conformance'],
        'GET /health': ['server_error'],
      },
      secretNames,
    },
    findings: findings.map((finding) => redactFinding(finding, secretNames)),
  };
}

export function defaultFindings(): Finding[] {
  return [
    finding(),
    finding({
      check: 'response_schema_conformance',
      severity: 'medium',
      operation: 'GET /pets/{id}',
      title: 'Response body violates "type" at /id',
      message: 'The 200 body does not match the documented schema at /id: must be integer (keyword type).',
      cause: 'type:/id',
      request: { method: 'GET', url: 'http://127.0.0.1:8080/pets/1', headers: { authorization: `Basic ${basic}` } },
      response: { status: 200, headers: { 'content-type': 'application/json' }, body: '{"id":"1"}' },
      count: 1,
      evidence: '/id: "1"',
    }),
    finding({
      check: 'bola',
      severity: 'critical',
      operation: 'GET /pets/{id}',
      title: "Identity B read identity A's pet",
      message: 'B got 200 for an object created by A.',
      cause: 'read',
      count: 1,
      evidence: undefined,
      payload: 'identity B',
      steps: [
        {
          title: 'A logs in',
          request: { method: 'POST', url: 'http://127.0.0.1:8080/login', headers: {}, body: '{"user":"a"}' },
          response: { status: 200, headers: {}, body: `{"refresh_token":"${SECRETS.issued}"}` },
          curl: '',
        },
        {
          title: 'B reads it',
          request: { method: 'GET', url: 'http://127.0.0.1:8080/pets/7', headers: { authorization: `Bearer ${SECRETS.bearer}` } },
          response: { status: 200, headers: {}, body: `{"id":7,"note":"${SECRETS.issued}"}` },
          curl: '',
        },
      ],
    }),
  ];
}
