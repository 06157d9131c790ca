// `sentinel perf <spec> --base-url URL --profile load|stress|spike|soak ...`: plan a load from the
// description, generate it, judge it (thresholds, baseline), report it; exit 0 passed, 1 breached or
// regressed, 2 usage, spec or connection error.
import type { Command } from 'commander';
import { analyzePerf, answeredCount } from '../../perf/analyzer.js';
import { planPerf } from '../../perf/planner.js';
import { breachedThreshold } from '../../perf/analyze/early-stop.js';
import { prepareMix } from '../../perf/plan/prepare-mix.js';
import { createValueGenerator } from '../../agents/data/values.js';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, SentinelError } from '../../core/errors.js';
import { apiKeyHeaderNames } from '../../execution/auth/apply.js';
import { buildIdentities, DEFAULT_IDENTITY } from '../../execution/auth/identity.js';
import { logInIdentities } from '../../execution/auth/login.js';
import { runLoad } from '../../execution/load/run-load.js';
import { ensureReachable } from '../../execution/probe.js';
import { exportInput } from '../../perf/report/export-input.js';
import { secretParamNames } from '../../execution/redaction/secret-names.js';
import { toK6Script } from '../../perf/report/k6.js';
import { toLocustScript } from '../../perf/report/locust.js';
import { buildPerfReport, formatPerfReport, readBaseline } from '../../perf/report/perf-report.js';
import { createProgressPrinter } from '../../perf/report/load-progress.js';
import { formatPerfSummary } from '../../perf/report/summary-text.js';
import { loadSpec } from '../../spec/load.js';
import { writeAtomically } from '../atomic-write.js';
import { loadConfig } from '../config.js';
import { checkOutputPaths } from '../output-paths.js';
import { listenForInterrupt } from '../interrupt.js';
import { resolvePerfSettings, type PerfFlags } from './perf-settings.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function registerPerf(program: Command): void {
  program
    .command('perf')
    .description('Generate load from an OpenAPI description, measure latency and errors, judge thresholds and regressions')
    .argument('<spec>', 'OpenAPI/Swagger description: a file, an http(s) URL, or - for stdin')
    .option('--base-url <url>', "the API's base URL; replaces the description's server URL, base path included")
    .option('--profile <profile>', 'load (steady), stress (steps up to the peak), spike or soak; default load')
    .option('--duration <duration>', 'how long: 30s, 5m, 1m30s (default: load 30s, stress 60s, spike 30s, soak 10m)')
    .option('--rate <rate>', 'open model: arrivals per second, e.g. 100/s (the steady level, or the peak of stress and spike)')
    .option('--vus <n>', 'closed model: virtual users, each sending its next request when the last is answered (after --think-time)')
    .option('--think-time <pause>', "closed model: each virtual user's pause between turns, fixed (1s) or drawn from a range (500ms-2s); default none")
    .option('--connections <n>', 'open model: connections over all workers; default 64')
    .option('--workers <n>', 'worker threads generating load; default: the number of cores, one fewer for a loopback target')
    .option('--threshold <expr>', "pass/fail: 'p95<200ms', 'p99<1s', 'error_rate<1%', 'rps>100' (repeatable)", collect)
    .option('--abort-on-fail', 'stop as soon as a latency or error-rate threshold is breached')
    .option('--baseline <file>', 'a previous --report json= file to compare with (regressions exit 1)')
    .option('--report <format=path>', 'write the perf report: json=PATH', collect)
    .option('--export <format=path>', 'write an equivalent script: k6=PATH or locust=PATH (repeatable)', collect)
    .option('--header <header>', "'Name: value' sent with every request (repeatable)", collect)
    .option('--bearer <token>', 'token for the http bearer (and oauth2) security schemes')
    .option('--basic <user:password>', 'credentials for the http basic security schemes')
    .option('--api-key <value>', 'value for the apiKey security schemes (header, query or cookie)')
    .option('--include-writes', 'load POST, PUT, PATCH and DELETE operations too, and a lifecycle scenario (create, read, update, delete) per resource (default: GET and HEAD only)')
    .option('--no-scenarios', 'with --include-writes: no automatic lifecycle scenarios (the config file\'s perf.scenarios still run)')
    .option('--weight <op=n>', "relative weight of an operation or scenario: 'GET /pets=3', 'listPets=3', 'lifecycle /pets=2'; 0 leaves it out (repeatable)", collect)
    .option('--weights <file>', 'a YAML or JSON map of operation to weight')
    .option('--seed <n>', 'seed of the generated request values; default 1')
    .option('--timeout <ms>', 'deadline of one request (connect, headers, body); default 10000')
    .option('--config <file>', 'config file: baseUrl, headers, auth and the perf section (default: ./sentinel.config.yaml when present)')
    .option('--insecure', "accept the target's TLS certificate without verifying it (self-signed test servers)")
    .action(async (spec: string, flags: PerfFlags) => {
      process.exitCode = await perfCommand(spec, flags);
    });
}

export async function perfCommand(spec: string, flags: PerfFlags): Promise<number> {
  const { config, file } = loadConfig(flags.config);
  const settings = resolvePerfSettings(flags, config, file);
  checkOutputPaths([
    ...(settings.reportJson !== undefined ? [{ label: '--report json', path: settings.reportJson }] : []),
    ...Object.entries(settings.exports).flatMap(([format, path]) => (path !== undefined ? [{ label: `--export ${format}`, path }] : [])),
  ]);
  const baseline = settings.baseline !== undefined ? readBaseline(settings.baseline) : undefined;
  const model = await loadSpec(spec, { timeoutMs: settings.timeoutMs, insecure: settings.insecure });
  const baseUrl = settings.baseUrl ?? model.servers.find((server) => /^https?:\/\//.test(server.url))?.url;
  if (baseUrl === undefined) throw new SentinelError('usage', `--base-url is required: ${model.source} names no absolute http(s) server URL`);

  const plan = planPerf(
    model,
    {
      profile: settings.profile,
      ...(settings.durationMs !== undefined ? { durationMs: settings.durationMs } : {}),
      ...(settings.rate !== undefined ? { rate: settings.rate } : {}),
      ...(settings.vus !== undefined ? { vus: settings.vus } : {}),
      includeWrites: settings.includeWrites,
      automaticScenarios: settings.automaticScenarios,
      scenarios: settings.scenarios,
      scenariosSource: settings.scenariosSource,
      weights: settings.weights,
      thresholds: settings.thresholds,
      seed: settings.seed,
    },
    createValueGenerator(model, settings.seed),
  );
  for (const note of plan.notes) process.stderr.write(`note: ${note}\n`);

  const identities = buildIdentities({ headers: settings.headers, credentials: settings.credentials, identities: [] }, apiKeyHeaderNames(model));
  // A login needs the target before anything is prepared; otherwise scripts are exported even when it is down.
  if (settings.login !== undefined) {
    await ensureReachable(baseUrl, settings.timeoutMs, settings.insecure);
    await logInIdentities(model, identities, [{ name: DEFAULT_IDENTITY, spec: settings.login }], baseUrl, settings);
  }
  const mix = prepareMix(model, plan.mix, baseUrl, identities);
  const scripts = exportInput(baseUrl, plan.model, plan.stages, plan.thresholds, mix, secretParamNames(model), settings.thinkTime);
  if (settings.exports.k6 !== undefined) writeAtomically(settings.exports.k6, toK6Script(scripts), `--export k6=${settings.exports.k6}`);
  if (settings.exports.locust !== undefined) writeAtomically(settings.exports.locust, toLocustScript(scripts), `--export locust=${settings.exports.locust}`);
  if (settings.login === undefined) await ensureReachable(baseUrl, settings.timeoutMs, settings.insecure);

  const interrupt = listenForInterrupt('interrupted, stopping the load and reporting the time measured');
  const progress = createProgressPrinter(process.stderr);
  let result;
  try {
    result = await runLoad(
      {
        model: plan.model,
        stages: plan.stages,
        mix,
        connections: settings.connections,
        timeoutMs: settings.timeoutMs,
        insecure: settings.insecure,
        ...(settings.thinkTime !== undefined ? { thinkTime: settings.thinkTime } : {}),
        seed: settings.seed,
        ...(settings.workers !== undefined ? { workers: settings.workers } : {}),
      },
      {
        signal: interrupt.signal,
        onProgress: (update) => {
          progress.update(update);
          return settings.abortOnFail ? breachedThreshold(plan.thresholds, update.overall, update.elapsedMs) : undefined;
        },
      },
    );
  } finally {
    progress.done();
    interrupt.dispose();
  }

  const analysis = analyzePerf(result, plan.thresholds, plan.profile, baseline);
  process.stdout.write(formatPerfSummary(result, analysis));
  if (settings.reportJson !== undefined) {
    const report = buildPerfReport({
      spec: model.source,
      baseUrl,
      profile: plan.profile,
      thresholds: plan.thresholds.map((threshold) => threshold.expression),
      operations: plan.mix.map((entry) =>
        entry.scenario !== undefined
          ? { operation: entry.operation, weight: entry.weight, variants: 1, steps: entry.scenario.map((step) => step.operation) }
          : { operation: entry.operation, weight: entry.weight, variants: entry.requests.length },
      ),
      notes: plan.notes,
      result,
      analysis,
    });
    writeAtomically(settings.reportJson, formatPerfReport(report), `--report json=${settings.reportJson}`);
  }
  if (interrupt.signal.aborted) {
    process.stderr.write('sentinel: perf: interrupted; the results above cover the time measured\n');
    return EXIT_ERROR;
  }
  if (result.sent > 0 && answeredCount(result) === 0) {
    const codes = Object.entries(result.overall.transportErrors).map(([code, count]) => `${code} ×${count}`).join(', ');
    throw new SentinelError('connection', `no response from ${baseUrl}: all ${result.overall.requests} requests failed (${codes})`);
  }
  return analysis.passed ? EXIT_OK : EXIT_FINDINGS;
}
