// The executor of a run: sends a plan's cases, then its scenarios, at bounded concurrency, hands every
// exchange to the life of the findings, and reports everything as events. The only I/O is the HTTP client.
import { randomUUID } from 'node:crypto';
import type { Exchange } from '../../core/exchange.js';
import type { RunEventHandler } from '../../core/events.js';
import type { RunResult } from '../../core/run-result.js';
import type { Scenario, TestCase, TestPlan } from '../../core/test-case.js';
import type { ApiModel, Operation } from '../../spec/model.js';
import type { IdentitySet } from '../auth/identity.js';
import type { CanaryHits, CheckContext, CheckOptions } from '../checks/check.js';
import type { CheckRegistry } from '../checks/registry.js';
import { createHttpClient, type HttpClient } from '../http-client.js';
import { createRateLimiter } from '../rate-limiter.js';
import { secretParamNames } from '../redaction/secret-names.js';
import { describeLoss, TargetWatch } from '../target-watch.js';
import { createExchangeSender } from './exchange-sender.js';
import { FindingLifecycle } from './finding-lifecycle.js';
import { createJudge } from './judge.js';
import { executeScenario } from './run-scenario.js';
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
  /** The first message of each code, in words (what the target did wrong). */
  transportMessages: Record<string, string>;
  /** Set when the target went away and the rest of the run was cut short: when and how, in one line. */
  targetLost?: string;
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
  // The description's apiKey parameter names: redacted like the built-in secret-looking names.
  const secretNames = secretParamNames(model);
  // A target that goes away mid-run is probed and, if gone, gets no more (a swapped-in client has no target).
  const watch =
    options.client === undefined
      ? new TargetWatch({ baseUrl: options.baseUrl, streak: Math.max(8, options.concurrency), probeTimeoutMs: Math.min(options.timeoutMs, 5000), insecure: options.insecure === true })
      : undefined;
  const sender = createExchangeSender({
    model,
    baseUrl: options.baseUrl,
    identities: options.identities,
    client,
    concurrency: options.concurrency,
    emit,
    secretNames,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(watch ? { watch } : {}),
  });
  const judge = createJudge(model, options.checks, options.checkOptions, options.validate, options.canary);
  const notes: string[] = plan.notes.map((note) => `${note.agent}: ${note.message}`);
  const findings = new FindingLifecycle(judge, sender, notes);
  let notSent = 0;

  async function runCase(testCase: TestCase): Promise<void> {
    const operation = operationsByKey.get(testCase.operation)!;
    if (sender.gaveUp()) {
      notSent += 1;
      emit({ type: 'case.finished', caseId: testCase.id, operation: testCase.operation, agent: testCase.agent, requests: 0, findings: findings.size });
      return;
    }
    const exchange = await sender.send(operation, testCase);
    const repeats = await findings.judgeExchange(operation, testCase, exchange);
    emit({
      type: 'case.finished',
      caseId: testCase.id,
      operation: testCase.operation,
      agent: testCase.agent,
      requests: 1 + repeats,
      ...(exchange.error ? { transportError: exchange.error.code } : {}),
      findings: findings.size,
    });
  }

  async function runScenario(scenario: Scenario): Promise<void> {
    if (sender.gaveUp()) {
      notSent += 1;
      emit({ type: 'scenario.finished', scenarioId: scenario.id, steps: 0, findings: findings.size });
      return;
    }
    // The scenario runner judges a step without waiting; a step's re-measurements must still finish before
    // the next step changes the state they measure, so each send waits for the judging before it.
    let judging: Promise<unknown> = Promise.resolve();
    const sendAfterJudging = async (operation: Operation, testCase: TestCase) => {
      await judging;
      return sender.send(operation, testCase);
    };
    const judgeStep = (operation: Operation, testCase: TestCase, exchange: Exchange) => {
      judging = judging.then(() => findings.judgeExchange(operation, testCase, exchange));
    };
    const steps = await executeScenario(scenario, operationsByKey, sendAfterJudging, judgeStep, notes);
    await judging;
    findings.judgeScenario(scenario, steps);
    emit({ type: 'scenario.finished', scenarioId: scenario.id, steps: steps.filter((step) => step.exchange !== undefined).length, findings: findings.size });
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
    await watch?.settled();
    const stopped = options.signal?.aborted === true || watch?.lost !== undefined;
    const shrinkBudget = { perFinding: stopped ? 0 : (options.shrinkRequestsPerFinding ?? 8), total: options.shrinkRequestsTotal ?? 200 };
    await findings.shrink(operationsByKey, options.concurrency, shrinkBudget);
  } finally {
    if (options.client === undefined) await client.close();
  }

  const found = findings.findings(secretNames);
  for (const finding of found) emit({ type: 'finding', finding });
  const { transportErrorsByCode, transportMessages } = sender;
  const requests = sender.requests();
  const transportErrors = Object.values(transportErrorsByCode).reduce((a, b) => a + b, 0);
  if (transportErrors > 0) notes.push(`${transportErrors} of ${requests} requests got no response (${describeCodes(transportErrorsByCode, transportMessages)})`);
  const targetLost = watch?.lost !== undefined ? describeLoss(options.baseUrl, watch.lost, notSent) : undefined;
  if (targetLost !== undefined) notes.push(targetLost);
  else if (notSent > 0 && options.signal?.aborted) notes.push(`interrupted: ${notSent} cases and scenarios were not sent`);
  else if (notSent > 0) notes.push(`stopped sending after ${requests} requests without a single response: ${notSent} cases and scenarios were not sent`);
  notes.push(...judge.notes, ...(options.lateNotes?.() ?? []));
  const result: RunResult = {
    summary: summarize({ runId, options, startedAt, requests, transportErrors, findings: found, notes, secretNames, checksRun: judge.checksRun }),
    findings: found,
  };
  emit({ type: 'run.finished', result });
  return { result, transportErrorsByCode, transportMessages, ...(targetLost !== undefined ? { targetLost } : {}) };
}
