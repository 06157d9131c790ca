// Users' plugins through the CLI: the example plugins against the example Shop API, a runaway plugin
// stopped with a note while the run completes, and broken plugin files refused in one line with exit 2.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sentinel } from '../support/cli.js';
import { describeFindings, runAgainstExample, SPEC, type SentinelRun } from './example-harness.js';

const PLUGINS = ['no-foreign-email.js', 'paginated-lists.js', 'ignored-header.js'].flatMap((file) => ['--plugin', resolve('examples/plugins', file)]);
const dir = mkdtempSync(join(tmpdir(), 'sentinel-plugins-'));
function pluginFile(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('the example plugins against the defective example API', () => {
  let run: SentinelRun;
  beforeAll(async () => {
    const marker = pluginFile(
      'marker.js',
      "export default { name: 'saw_ignored_header', severity: 'info', check(exchange) { return 'x-sentinel-ignore-me' in exchange.request.headers ? [{ title: 'sent', message: 'header sent' }] : []; } };",
    );
    run = await runAgainstExample(true, ['--agents', 'positive', ...PLUGINS, '--plugin', marker]);
  }, 120_000);

  it('judges with the plugin checks like built-in ones: findings, counts and reports', () => {
    const email = run.report.findings.find((finding) => finding.check === 'no_foreign_email');
    expect(email, describeFindings(run.report.findings)).toMatchObject({ severity: 'high', title: 'Response leaks the e-mail addresses of other users' });
    expect(email!.curl).toMatch(/^curl /);
    expect(run.report.findings.some((finding) => finding.check === 'paginated_lists'), describeFindings(run.report.findings)).toBe(true);
    expect(run.report.summary.byCheck.no_foreign_email).toBeGreaterThan(0);
    expect(run.sarif.runs[0]!.results.some((result) => result.ruleId === 'no_foreign_email')).toBe(true);
  });

  it("sends the plugin agent's cases: one per operation, with the header to ignore", () => {
    expect(run.report.summary.notes.filter((note) => /plugin/.test(note))).toEqual([]);
    // A test-only check that marks every exchange carrying the header: the agent's cases were sent.
    const marked = new Set(run.report.findings.filter((finding) => finding.check === 'saw_ignored_header').map((finding) => finding.operation));
    expect(marked.size, describeFindings(run.report.findings)).toBeGreaterThanOrEqual(20);
    expect(marked).toContain('GET /items/{itemId}');
    expect(marked).toContain('POST /orders');
  });
});

describe('plugins that misbehave', { timeout: 120_000 }, () => {
  it('a plugin check that loops or throws is a note naming it and the limit; the run completes', async () => {
    const looping = pluginFile('loop.js', "export default { name: 'looping', severity: 'low', check() { for (;;) {} } };");
    const throwing = pluginFile('throw.js', "export default { name: 'throwing', severity: 'low', check() { throw new TypeError('no luck'); } };");
    const io = pluginFile('io.js', "export default { name: 'network', severity: 'low', check() { fetch('http://127.0.0.1:9/'); return []; } };");
    const bad = pluginFile('bad-agent.js', "export default { name: 'bad_agent', plan() { return [{ id: 'x', operation: 'GET /health', title: 't', expectation: 'maybe', request: { method: 'get' } }]; } };");
    const run = await runAgainstExample(true, ['--agents', 'positive', '--include', 'path:/health', '--plugin', looping, '--plugin', throwing, '--plugin', io, '--plugin', bad]);
    expect(run.exitCode, run.stderr).toBe(1);
    const notes = run.report.summary.notes;
    expect(notes.join('\n')).toContain(`check looping failed and was skipped on some exchanges: plugin looping (${looping}) was stopped at the CPU time limit of 100 ms per call; it is not called again in this run`);
    expect(notes.join('\n')).toContain(`check throwing failed and was skipped on some exchanges: plugin throwing (${throwing}) threw TypeError: no luck`);
    expect(notes.some((note) => note.startsWith(`check network failed and was skipped on some exchanges: plugin network (${io}) threw ReferenceError:`))).toBe(true);
    expect(notes.join('\n')).toContain(`bad_agent: plugin agent bad_agent (${bad}): case [0] expectation: Invalid option: expected one of "accept"|"reject"|"any"; none of its cases run`);
    expect(run.report.findings.length).toBeGreaterThan(0);
  }, 120_000);

  it.each([
    ['a syntax error', 'syntax.js', 'export default { name: "x", check( {', /^sentinel: plugin .*syntax\.js: SyntaxError: .* \(line 1\)$/],
    ['a wrong export', 'wrong.js', 'export default function check() { return []; }', /^sentinel: plugin .*wrong\.js: its default export must be \{ name, severity, check\(exchange, ctx\) \} or \{ name, plan\(model, ctx\) \}, got function$/],
    ["a built-in check's name", 'clash.js', 'export default { name: "server_error", severity: "low", check() { return []; } };', /^sentinel: plugin .*clash\.js: the name "server_error" is a built-in check's$/],
  ])('refuses a plugin with %s in one line naming the file, exit 2', async (_what, name, text, line) => {
    const file = pluginFile(name, text);
    const run = await sentinel(['run', SPEC, '--base-url', 'http://127.0.0.1:9', '--plugin', file]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(line);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});
