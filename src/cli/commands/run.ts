// `sentinel run <spec> --base-url URL ...`: load, plan, execute, judge, report; exit 0, 1 or 2.
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import type { RunEvent } from '../../core/events.js';
import type { Finding } from '../../core/finding.js';
import { applyBaseline, parseBaseline, type Baseline } from '../../orchestration/baseline.js';
import type { Agent } from '../../agents/agent.js';
import { EXIT_FINDINGS, EXIT_OK, isCertificateError, SentinelError } from '../../core/errors.js';
import { apiKeyHeaderNames } from '../../execution/auth/apply.js';
import { buildIdentities, DEFAULT_IDENTITY } from '../../execution/auth/identity.js';
import { severityRank } from '../../core/finding.js';
import { createAgentRegistry, DEFAULT_AGENTS } from '../../orchestration/agents.js';
import type { RunResult } from '../../core/run-result.js';
import { runTests } from '../../orchestration/run-tests.js';
import { selectOperations } from '../../orchestration/select-operations.js';
import { EVENT_FORMATS, writers } from '../../report/index.js';
import { loadSpec } from '../../spec/load.js';
import { writeAtomically } from '../atomic-write.js';
import { loadConfig } from '../config.js';
import { listenForInterrupt } from '../interrupt.js';
import { createProgress } from '../progress.js';
import { resolveSettings, type RunFlags, type RunSettings } from '../run-settings.js';
import { checkOutputPaths } from '../output-paths.js';
import { formatSummary } from '../summary.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Codes meaning nothing listens there: no request could have reached the API. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'UND_ERR_CONNECT_TIMEOUT', 'ETIMEDOUT']);

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('Plan tests from an OpenAPI description, run them against a live API and report findings')
    .argument('<spec>', 'OpenAPI/Swagger description: a file, an http(s) URL, or - for stdin')
    .option('--base-url <url>', "the API's base URL; replaces the description's server URL, base path included")
    .option('--header <header>', "'Name: value' sent with every request (repeatable)", collect)
    .option('--identity <identity>', "'name:Header: value' defines another identity (repeatable)", collect)
    .option('--bearer <token>', 'token for the http bearer (and oauth2) security schemes')
    .option('--basic <user:password>', 'credentials for the http basic security schemes')
    .option('--api-key <value>', 'value for the apiKey security schemes (header, query or cookie)')
    .option('--agents <list>', 'comma-separated agents to run (default: all)')
    .option('--seed <n>', 'seed of the plan; the same seed gives the same plan (default: random, printed)')
    .option('--max-examples <n>', 'examples per operation (positive) and per parameter (negative); default 10')
    .option('--concurrency <n>', 'requests in flight at once; default 8')
    .option('--timeout <ms>', 'deadline of one request, headers and body; default 10000')
    .option('--max-response-time <ms>', 'responses slower than this are response_time findings')
    .option('--rate-limit <n>', 'at most n requests per second')
    .option('--include <filter>', "test only matching operations: path:GLOB, method:M, tag:T, operationId:GLOB (repeatable)", collect)
    .option('--exclude <filter>', 'skip matching operations, same syntax as --include (repeatable)', collect)
    .option('--report <format=path>', 'write a report: json=PATH, junit=PATH, sarif=PATH, markdown=PATH, html=PATH, ndjson=PATH, har=PATH (repeatable)', collect)
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity; default low'))
    .option('--baseline <file>', 'a previous --report json= file: findings are new, persisting or fixed, and only new ones fail the run')
    .option('--fail-on-flaky', 'flaky findings (not reproduced when their request is sent again) fail the run too')
    .option('--config <file>', 'config file (default: ./sentinel.config.yaml when present)')
    .option('--plugin <file>', "a user's check or agent, a JavaScript module run in the sandbox (repeatable)", collect)
    .option('--insecure', "accept the target's TLS certificate without verifying it (self-signed test servers)")
    .action(async (spec: string, flags: RunFlags) => {
      process.exitCode = await runCommand(spec, flags);
    });
}

export async function runCommand(spec: string, flags: RunFlags): Promise<number> {
  const { config } = loadConfig(flags.config);
  const settings = resolveSettings(flags, config);
  checkOutputPaths(settings.reports.map(({ format, path }) => ({ label: `--report ${format}`, path })));
  const agents = chooseAgents(settings.agents);
  const baseline = settings.baseline !== undefined ? readBaseline(settings.baseline) : undefined;
  // Only the formats that show every exchange need the event stream kept in memory.
  const events: RunEvent[] = [];
  const keepEvents = settings.reports.some((report) => EVENT_FORMATS.has(report.format));
  const progress = createProgress({ stream: process.stderr });
  const model = await loadSpec(spec, { timeoutMs: settings.timeoutMs, insecure: settings.insecure });
  const operations = selectOperations(model.operations, settings.include, settings.exclude);
  if (operations.length === 0) {
    const filtered = settings.include.length + settings.exclude.length > 0;
    throw new SentinelError('usage', filtered ? `no operation of ${model.source} matches --include/--exclude` : `${model.source} describes no operations`);
  }
  const identities = buildIdentities(
    { headers: settings.headers, credentials: settings.credentials, identities: settings.identities, ...(settings.defaultRole ? { defaultRole: settings.defaultRole } : {}) },
    apiKeyHeaderNames(model),
  );
  const interrupt = listenForInterrupt('interrupted, finishing the requests in flight');
  const { result: engineResult, transportErrorsByCode, transportMessages, targetLost } = await runTests({
    signal: interrupt.signal,
    model,
    operations,
    baseUrl: settings.baseUrl,
    agents,
    seed: settings.seed,
    maxExamples: settings.maxExamples,
    identities,
    logins: loginsOf(settings),
    concurrency: settings.concurrency,
    timeoutMs: settings.timeoutMs,
    ...(settings.rateLimit !== undefined ? { rateLimit: settings.rateLimit } : {}),
    ...(settings.maxResponseTimeMs !== undefined ? { maxResponseTimeMs: settings.maxResponseTimeMs } : {}),
    insecure: settings.insecure,
    plugins: { files: settings.plugins, limits: settings.pluginLimits },
    ...(settings.checks !== undefined ? { checks: settings.checks } : {}),
    onEvent: keepEvents
      ? (event) => {
          events.push(event);
          progress(event);
        }
      : progress,
  }).finally(() => interrupt.dispose());

  const result = baseline !== undefined ? applyBaseline(engineResult, baseline) : engineResult;
  const codes = Object.keys(transportErrorsByCode);
  const nothingAnswered = result.summary.requests > 0 && result.summary.transportErrors === result.summary.requests;
  if (nothingAnswered && codes.every((code) => UNREACHABLE.has(code) || isCertificateError(code))) {
    throw new SentinelError('connection', `cannot connect to ${settings.baseUrl}: every request failed (${codes.join(', ')})`);
  }
  const written = writeReports(result, settings.reports, events);
  process.stdout.write(formatSummary(result, written));
  // Connected but never answered (timeouts, resets): the summary says what happened, and nothing was tested.
  if (nothingAnswered) {
    throw new SentinelError('connection', `no response from ${settings.baseUrl}: all ${result.summary.requests} requests failed (${codes.map((code) => (transportMessages[code] ? `${code}: ${transportMessages[code]}` : code)).join('; ')})`);
  }
  if (interrupt.signal.aborted) throw new SentinelError('usage', 'interrupted: the summary and reports cover only what ran');
  // Not a pass: part of the plan never reached the API.
  if (targetLost !== undefined) throw new SentinelError('connection', targetLost);
  return exitCodeFor(result, settings);
}

/**
 * Exit 1 when a finding at or above `--fail-on` counts: with a baseline only new ones do, and a flaky one
 * only with `--fail-on-flaky`.
 */
export function exitCodeFor(result: RunResult, settings: Pick<RunSettings, 'failOn'> & Partial<Pick<RunSettings, 'failOnFlaky'>>): number {
  const threshold = severityRank(settings.failOn);
  const fails = (finding: Finding) =>
    severityRank(finding.severity) >= threshold && finding.baseline !== 'persisting' && (finding.flaky === undefined || settings.failOnFlaky === true);
  return result.findings.some(fails) ? EXIT_FINDINGS : EXIT_OK;
}

function readBaseline(file: string): Baseline {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new SentinelError('usage', `--baseline ${file}: cannot read it (${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory' : (code ?? (error as Error).message)})`);
  }
  return parseBaseline(text, file);
}

/** Identities configured with a login operation get their token before anything is planned. */
function loginsOf(settings: RunSettings) {
  return [
    ...(settings.defaultLogin ? [{ name: DEFAULT_IDENTITY, spec: settings.defaultLogin }] : []),
    ...settings.identities.flatMap((entry) => (entry.login ? [{ name: entry.name, spec: entry.login }] : [])),
  ];
}

function chooseAgents(names: string[] | undefined): Agent[] {
  const registry = createAgentRegistry();
  if (names === undefined) return registry.filter((agent) => DEFAULT_AGENTS.includes(agent.name));
  return names.map((name) => {
    const agent = registry.find((candidate) => candidate.name === name);
    if (agent === undefined) throw new SentinelError('usage', `--agents: unknown agent ${JSON.stringify(name)} (available: ${registry.map((a) => a.name).join(', ')})`);
    return agent;
  });
}

function writeReports(result: RunResult, reports: RunSettings['reports'], events: readonly RunEvent[]): { format: string; path: string }[] {
  for (const { format, path } of reports) writeAtomically(path, writers[format](result, events), `--report ${format}=${path}`);
  return reports;
}
