// The run engine: executes a plan (cases, then scenarios, at bounded concurrency), judges every exchange,
// dedupes and shrinks findings, and reports everything as events. The only I/O is the HTTP client.
import { randomUUID } from 'node:crypto';
import type { Scenario, TestCase, TestPlan } from '../agents/test-case.js';
import type { IdentitySet } from '../execution/auth/identity.js';
import type { CanaryHits, CheckContext, CheckOptions } from '../execution/checks/check.js';
import type { CheckRegistry } from '../execution/checks/registry.js';
import type { Exchange, SentRequest } from '../execution/exchange.js';
import { createHttpClient, toTransportError, type HttpClient } from '../execution/http-client.js';
import { prepareRequest } from '../execution/prepare.js';
import { createRateLimiter } from '../execution/rate-limiter.js';
import type { ApiModel, Operation } from '../spec/model.js';
import { confirmByRemeasuring, describeUnconfirmed } from './confirm.js';
import type { RunEventHandler } from './events.js';
import { FindingCollector, toFindings } from './findings.js';
import { createJudge } from './judge.js';
import type { RunResult } from './run-result.js';
import { executeScenario } from './scenario-runner.js';
import { shrinkOccurrences } from './shrink.js';
import { describeCodes, summarize } from './summarize.js';
import { runBounded } from './work-queue.js';

export interface EngineOptions {
  model: ApiModel;
  /** The operations selected for this run (the summary counts them). */
  operations: Operation[];
  plan: TestPlan;
  baseUrl: string;
  identities: IdentitySet;
  concurrency: number;
  timeoutMs: number;
  rateLimit?: number;
  maxBodyBytes?: number;
  /** Accept any TLS certificate. */
  insecure?: boolean;
  checkOptions: CheckOptions;
  checks: CheckRegistry;
  validate: CheckContext['validate'];
  /** Notes known only once judging is over (patterns that could not be checked in time, say). */
  lateNotes?: () => string[];
  /** Extra requests allowed to shrink one finding (0 turns shrinking off). */
  shrinkRequestsPerFinding?: number;
  /** Extra requests allowed for shrinking over the whole run. */
  shrinkRequestsTotal?: number;
  onEvent?: RunEventHandler;
  /** The SSRF canary of this run, for the checks that look for its hits. */
  canary?: CanaryHits;
  /** Aborting stops sending new cases and scenarios; the run still finishes with what it has. */
  signal?: AbortSignal;
  /** Swapped in by tests and benchmarks; by default an undici client is made and closed by the run. */
  client?: HttpClient;
}

export interface EngineOutcome {
  result: RunResult;
  /** Transport error code → requests that ended with it (`ECONNREFUSED`, `timeout`...). */
  transportErrorsByCode: Record<string, number>;
}

export async function executePlan(options: EngineOptions): Promise<EngineOutcome> {
  const { model, plan } = options;
  const emit: RunEventHandler = options.onEvent ?? (() => {});
  const runId = randomUUID();
  const startedAt = new Date();
  const operationsByKey = new Map(model.operations.map((operation) => [operation.key, operation]));
  const client =
    options.client ??
    createHttpClient({
      timeoutMs: options.timeoutMs,
      connections: options.concurrency,
      maxBodyBytes: options.maxBodyBytes,
      rateLimiter: createRateLimiter(options.rateLimit),
      insecure: options.insecure === true,
    });
  const judge = createJudge(model, options.checks, options.checkOptions, options.validate, options.canary);
  const collector = new FindingCollector();
  const transportErrorsByCode: Record<string, number> = {};
  const notes: string[] = plan.notes.map((note) => `${note.agent}: ${note.message}`);
  // Operations whose unconfirmed slow answer is already in the notes: one note per operation is enough.
  const unconfirmedNoted = new Set<string>();
  // `operation check` pairs whose finding measuring again already confirmed: later slow answers of the
  // operation join that finding on their own timing instead of costing two more slow requests each.
  const confirmedByRemeasuring = new Set<string>();
  let requests = 0;
  let responses = 0;
  let notSent = 0;
  // A target that accepts connections but has answered nothing after this many requests is not going to:
  // stop sending rather than wait out every remaining timeout.
  const giveUpAfter = Math.max(16, 2 * options.concurrency);
  const gaveUp = () => (responses === 0 && requests >= giveUpAfter) || options.signal?.aborted === true;

  async function send(operation: Operation, testCase: TestCase): Promise<Exchange> {
    let exchange: Exchange;
    try {
      const request = prepareRequest(model, operation, testCase.request, options.baseUrl, options.identities);
      exchange = await client.send(testCase.id, request);
    } catch (error) {
      // A request that cannot even be built or handed to the client is recorded like a transport failure.
      exchange = {
        caseId: testCase.id,
        correlationId: '',
        request: { method: testCase.request.method.toUpperCase(), url: options.baseUrl + operation.path, headers: {} },
        error: toTransportError(error),
        startedAt: Date.now(),
        durationMs: 0,
        retries: 0,
      };
    }
    return record(exchange);
  }

  /** Sends an already prepared request again (a re-measurement): same method, URL, headers and body. */
  async function resend(caseId: string, request: SentRequest): Promise<Exchange> {
    let exchange: Exchange;
    try {
      exchange = await client.send(caseId, request);
    } catch (error) {
      exchange = { caseId, correlationId: '', request, error: toTransportError(error), startedAt: Date.now(), durationMs: 0, retries: 0 };
    }
    return record(exchange);
  }

  function record(exchange: Exchange): Exchange {
    requests += 1;
    if (exchange.response !== undefined) responses += 1;
    if (exchange.error !== undefined) transportErrorsByCode[exchange.error.code] = (transportErrorsByCode[exchange.error.code] ?? 0) + 1;
    emit({ type: 'exchange', exchange });
    return exchange;
  }

  /** Returns how many repeats confirming a finding sent. */
  async function judgeExchange(operation: Operation, testCase: TestCase, exchange: Exchange): Promise<number> {
    let repeats = 0;
    const { judged, unconfirmed } = await confirmByRemeasuring(judge.exchange(operation, testCase, exchange), exchange, {
      remeasures: (check) => judge.remeasures(check) && !confirmedByRemeasuring.has(`${operation.key} ${check}`),
      rejudge: (check, remeasurement) => judge.exchange(operation, testCase, exchange, check, remeasurement),
      resend: (request) => {
        repeats += 1;
        return resend(testCase.id, request);
      },
    });
    // The evidence stays the judged exchange; the repeats only add their timings to the message.
    for (const draft of judged) {
      collector.add({ judged: draft, operation: operation.key, exchange, testCase });
      if (judge.remeasures(draft.check)) confirmedByRemeasuring.add(`${operation.key} ${draft.check}`);
    }
    for (const slow of unconfirmed) {
      if (unconfirmedNoted.has(operation.key)) break;
      unconfirmedNoted.add(operation.key);
      notes.push(describeUnconfirmed(operation.key, slow));
    }
    return repeats;
  }

  async function runCase(testCase: TestCase): Promise<void> {
    const operation = operationsByKey.get(testCase.operation)!;
    if (gaveUp()) {
      notSent += 1;
      emit({ type: 'case.finished', caseId: testCase.id, operation: testCase.operation, agent: testCase.agent, requests: 0, findings: collector.size });
      return;
    }
    const exchange = await send(operation, testCase);
    const repeats = await judgeExchange(operation, testCase, exchange);
    emit({
      type: 'case.finished',
      caseId: testCase.id,
      operation: testCase.operation,
      agent: testCase.agent,
      requests: 1 + repeats,
      ...(exchange.error ? { transportError: exchange.error.code } : {}),
      findings: collector.size,
    });
  }

  async function runScenario(scenario: Scenario): Promise<void> {
    if (gaveUp()) {
      notSent += 1;
      emit({ type: 'scenario.finished', scenarioId: scenario.id, steps: 0, findings: collector.size });
      return;
    }
    // The scenario runner judges a step without waiting; a step's re-measurements must still finish before
    // the next step changes the state they measure, so each send waits for the judging before it.
    let judging: Promise<unknown> = Promise.resolve();
    const sendAfterJudging = async (operation: Operation, testCase: TestCase) => {
      await judging;
      return send(operation, testCase);
    };
    const judgeStep = (operation: Operation, testCase: TestCase, exchange: Exchange) => {
      judging = judging.then(() => judgeExchange(operation, testCase, exchange));
    };
    const steps = await executeScenario(scenario, operationsByKey, sendAfterJudging, judgeStep, notes);
    await judging;
    for (const judged of judge.scenario(scenario, steps)) {
      const evidence = [...steps].reverse().find((step) => step.exchange !== undefined);
      if (evidence === undefined) continue;
      collector.add({ judged, operation: scenario.operation, exchange: evidence.exchange!, testCase: evidence.testCase, steps });
    }
    emit({ type: 'scenario.finished', scenarioId: scenario.id, steps: steps.filter((step) => step.exchange !== undefined).length, findings: collector.size });
  }

  emit({
    type: 'run.started',
    runId,
    startedAt: startedAt.toISOString(),
    operations: options.operations.length,
    plannedCases: plan.cases.length,
    plannedScenarios: plan.scenarios.length,
  });
  try {
    await runBounded(plan.cases, options.concurrency, runCase);
    await runBounded(plan.scenarios, options.concurrency, runScenario);
    const shrinkBudget = { perFinding: options.signal?.aborted ? 0 : (options.shrinkRequestsPerFinding ?? 8), total: options.shrinkRequestsTotal ?? 200 };
    // A finding confirmed by measuring again is not shrunk: a variant judged on one timing is the flaky
    // accusation confirmation avoids, and its message lists the timings of the judged request.
    const shrinkable = collector.all().filter((occurrence) => !judge.remeasures(occurrence.judged.check));
    await shrinkOccurrences(shrinkable, operationsByKey, options.concurrency, shrinkBudget, async (testCase) => {
      const operation = operationsByKey.get(testCase.operation)!;
      const exchange = await send(operation, testCase);
      return { exchange, judged: judge.exchange(operation, testCase, exchange) };
    });
  } finally {
    if (options.client === undefined) await client.close();
  }

  const secretNames = secretNamesOf(model);
  const findings = toFindings(collector.all(), secretNames);
  for (const finding of findings) emit({ type: 'finding', finding });
  const transportErrors = Object.values(transportErrorsByCode).reduce((a, b) => a + b, 0);
  if (transportErrors > 0) notes.push(`${transportErrors} of ${requests} requests got no response (${describeCodes(transportErrorsByCode)})`);
  if (notSent > 0 && options.signal?.aborted) notes.push(`interrupted: ${notSent} cases and scenarios were not sent`);
  else if (notSent > 0) notes.push(`stopped sending after ${requests} requests without a single response: ${notSent} cases and scenarios were not sent`);
  notes.push(...judge.notes, ...(options.lateNotes?.() ?? []));
  const result: RunResult = {
    summary: summarize({ runId, options, startedAt, requests, transportErrors, findings, notes, secretNames, checksRun: judge.checksRun }),
    findings,
  };
  emit({ type: 'run.finished', result });
  return { result, transportErrorsByCode };
}

function secretNamesOf(model: ApiModel): string[] {
  return Object.values(model.securitySchemes).flatMap((scheme) => (scheme.type === 'apiKey' ? [scheme.name] : []));
}
