// A description's `pattern`s are checked against a target's answers. On a backtracking engine `^(a+)+$`
// against 40 a's and a "!" takes longer than the universe has: the run must still end, with its report,
// and an ordinary name pattern must not slow a healthy server's run into false timeouts.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliBeforeAll, loopbackServer, openapi, scratchDir, sentinel, type LoopbackServer } from './spec-harness.js';

buildCliBeforeAll();
const scratch = scratchDir();

const EVIL = 'a'.repeat(5_000) + '!';
const NAME = 'Maria Jose Garcia Fernandez de la Fuente-Lopez';

let server: LoopbackServer;
beforeAll(async () => {
  server = await loopbackServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    if (request.url?.startsWith('/evil')) response.end(JSON.stringify({ value: EVIL }));
    else if (request.url?.startsWith('/slow')) setTimeout(() => response.end(JSON.stringify({ name: NAME })), 1_500);
    else response.end(JSON.stringify({ name: NAME }));
  });
});
afterAll(() => server.close());

function answering(path: string, pattern: string, property: string): Record<string, unknown> {
  return {
    [path]: {
      get: {
        operationId: path.slice(1),
        responses: {
          '200': {
            description: 'ok',
            content: { 'application/json': { schema: { type: 'object', required: [property], properties: { [property]: { type: 'string', pattern } } } } },
          },
        },
      },
    },
  };
}

describe('catastrophic patterns in a description', () => {
  it('^(a+)+$ against a long answer: the run ends, the report is written, the answer is judged', async () => {
    const spec = scratch.write('evil.json', openapi(answering('/evil', '^(a+)+$', 'value')));
    const report = scratch.path('evil-report.json');
    const run = await sentinel(['run', spec, '--base-url', server.url, '--agents', 'positive', '--max-examples', '3', '--report', `json=${report}`], { timeoutMs: 90_000 });
    expect(run.signal).toBeNull();
    // Generous for a loaded machine: on the backtracking engine this run never ends.
    expect(run.durationMs).toBeLessThan(60_000);
    const written = JSON.parse(readFileSync(report, 'utf8')) as { findings: { check: string }[] };
    // The answer does not match the pattern: judged (linear-time), not skipped.
    expect(written.findings.map((finding) => finding.check)).toContain('response_schema_conformance');
    expect(run.code).toBe(1);
  }, 100_000);

  it('an ordinary name pattern against a real name that misses it: judged, no false timeouts', async () => {
    const spec = scratch.write('name.json', openapi(answering('/name', '^([A-Za-z]+\\s?)*$', 'name')));
    // The hyphen makes the name miss the pattern, which is what makes backtracking explode.
    const report = scratch.path('name-report.json');
    const run = await sentinel(['run', spec, '--base-url', server.url, '--agents', 'positive', '--max-examples', '20', '--timeout', '2000', '--report', `json=${report}`], { timeoutMs: 90_000 });
    const written = JSON.parse(readFileSync(report, 'utf8')) as { summary: { transportErrors: number }; findings: { check: string }[] };
    expect(written.summary.transportErrors).toBe(0);
    expect(written.findings.map((finding) => finding.check)).toEqual(['response_schema_conformance']);
    expect(run.durationMs).toBeLessThan(45_000);
  }, 100_000);

  it('a pattern the linear-time engine cannot read runs time-bounded, and the run says so', async () => {
    // A backreference forces the backtracking engine; the lookahead keeps the same exponential shape.
    const spec = scratch.write('backref.json', openapi(answering('/evil', '^(?=a)(a+)+\\1$', 'value')));
    const report = scratch.path('backref-report.json');
    const run = await sentinel(['run', spec, '--base-url', server.url, '--agents', 'positive', '--max-examples', '3', '--report', `json=${report}`], { timeoutMs: 90_000 });
    expect(run.signal).toBeNull();
    const written = JSON.parse(readFileSync(report, 'utf8')) as { summary: { notes: string[] } };
    expect(written.summary.notes.join('\n')).toMatch(/pattern "\^\(\?=a\)\(a\+\)\+\\\\1\$" was not checked after a search took over 100 ms/);
    // Generous for a loaded machine: on the backtracking engine this run never ends.
    expect(run.durationMs).toBeLessThan(60_000);
  }, 100_000);

  it('Ctrl-C ends a run promptly, with the summary of what ran', async () => {
    const spec = scratch.write('slow.json', openapi(answering('/slow', '^(\\w+\\s?)*$', 'name')));
    // Interrupted once the first progress line shows the run is sending (the handler is installed by then).
    const run = await sentinel(['run', spec, '--base-url', server.url, '--agents', 'positive', '--max-examples', '50', '--concurrency', '1'], {
      timeoutMs: 60_000,
      interruptOn: /cases and scenarios planned/,
    });
    expect(run.stderr).toMatch(/interrupted/);
    expect(run.code).toBe(2);
    // One request in flight (1.5 s) is finished, nothing more is sent.
    expect(run.afterInterruptMs).toBeLessThan(10_000);
  }, 70_000);
});
