// What a person reads at the end of a run and while it runs (plain lines, as in CI logs).
import { describe, expect, it } from 'vitest';
import { createProgress } from '../../../src/cli/progress.js';
import { formatSummary } from '../../../src/cli/summary.js';
import type { Finding } from '../../../src/core/finding.js';
import type { RunResult } from '../../../src/core/run-result.js';

const finding = (check: string, severity: Finding['severity'], count: number): Finding => ({
  check,
  severity,
  operation: 'GET /pets',
  title: `${check} title`,
  message: 'm',
  cause: 'c',
  request: { method: 'GET', url: 'http://h/pets', headers: {} },
  curl: 'curl http://h/pets',
  count,
  caseIds: ['a'],
  correlationId: 'x',
});

const result: RunResult = {
  summary: {
    runId: 'r',
    target: 'http://127.0.0.1:9',
    spec: 'api.yaml',
    seed: 42,
    startedAt: '',
    finishedAt: '',
    durationMs: 1234,
    operations: 3,
    cases: 40,
    scenarios: 2,
    requests: 50,
    transportErrors: 4,
    findings: 2,
    bySeverity: { critical: 0, high: 1, medium: 1, low: 0, info: 0 },
    byCheck: { server_error: 1, response_schema_conformance: 1 },
    notes: ['auth: only one identity: bola not tested', '4 of 50 requests got no response (timeout ×4)'],
  },
  findings: [finding('server_error', 'high', 3), finding('response_schema_conformance', 'medium', 1)],
};

describe('summary', () => {
  it('shows counts, severities, checks, findings, notes, seed and reports', () => {
    expect(formatSummary(result, [{ format: 'json', path: 'out.json' }])).toBe(
      [
        '',
        'Summary',
        '  target       http://127.0.0.1:9',
        '  operations   3',
        '  cases        40',
        '  scenarios    2',
        '  requests     50',
        '  no response  4 (refused, reset or timed out)',
        '  findings     2',
        '    high       1',
        '    medium     1',
        '  time         1.2 s',
        '  seed         42 (replay with --seed 42)',
        '',
        'Findings by check',
        '  response_schema_conformance  1',
        '  server_error                 1',
        '',
        'Findings',
        '  [high] server_error GET /pets: server_error title (×3)',
        '  [medium] response_schema_conformance GET /pets: response_schema_conformance title',
        '',
        'Notes',
        '  - auth: only one identity: bola not tested',
        '  - 4 of 50 requests got no response (timeout ×4)',
        '',
        'Reports',
        '  json   out.json',
        '',
      ].join('\n'),
    );
  });
});

describe('plain progress lines', () => {
  it('announces the plan, then prints counts at most once per interval and once at the end', () => {
    const lines: string[] = [];
    const stream = { isTTY: false, write: (text: string) => lines.push(text) } as unknown as NodeJS.WriteStream;
    const progress = createProgress({ stream, lineIntervalMs: 60_000 });
    progress({ type: 'run.started', runId: 'r', startedAt: '', operations: 3, plannedCases: 2, plannedScenarios: 1 });
    progress({ type: 'exchange', operation: 'GET /u', exchange: { caseId: 'a', correlationId: '', request: { method: 'GET', url: 'u', headers: {} }, startedAt: 0, durationMs: 0, retries: 0, error: { code: 'timeout', message: '' } } });
    progress({ type: 'case.finished', caseId: 'a', operation: 'GET /x', agent: 'positive', requests: 1, transportError: 'timeout', findings: 0 });
    progress({ type: 'exchange', operation: 'GET /u', exchange: { caseId: 'b', correlationId: '', request: { method: 'GET', url: 'u', headers: {} }, startedAt: 0, durationMs: 0, retries: 0 } });
    progress({ type: 'case.finished', caseId: 'b', operation: 'GET /x', agent: 'positive', requests: 1, findings: 1 });
    progress({ type: 'scenario.finished', scenarioId: 's', steps: 0, findings: 1 });
    progress({ type: 'run.finished', result: { ...result, summary: { ...result.summary, findings: 1 } } });
    expect(lines).toEqual([
      'sentinel: 3 operations, 3 cases and scenarios planned\n',
      'progress: 3/3 cases, 2 requests, 1 findings, 1 without response\n',
    ]);
  });
});
