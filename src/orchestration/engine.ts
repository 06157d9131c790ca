// The run engine: executes a plan (cases, then scenarios, at bounded concurrency), judges every exchange,
// dedupes and shrinks findings, and reports everything as events. The only I/O is the HTTP client.
import { randomUUID } from 'node:crypto';
import type { Scenario, TestCase, TestPlan } from '../agents/test-case.js';
import type { IdentitySet } from '../execution/auth/identity.js';
import type { CanaryHits, CheckContext, CheckOptions, ExecutedStep } from '../execution/checks/check.js';
import type { CheckRegistry } from '../execution/checks/registry.js';
import type { Exchange } from '../execution/exchange.js';
import { SEVERITIES, type Severity } from '../execution/finding.js';
import { createHttpClient, type HttpClient } from '../execution/http-client.js';
import { prepareRequest } from '../execution/prepare.js';
import { createRateLimiter } from '../execution/rate-limiter.js';
import { extractAll, substitute } from '../execution/scenario-vars.js';
import { toTransportError } from '../execution/http-client.js';
import type { ApiModel, Operation } from '../spec/model.js';
import type { RunEventHandler } from './events.js';
import { FindingCollector, toFindings, type Occurrence } from './findings.js';
import { createJudge, type Judge } from './judge.js';
import type { RunResult } from './run-result.js';
import { shrink } from './shrink.js';
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
  checkOptions: CheckOptions;
  checks: CheckRegistry;
  validate: CheckContext['validate'];
  /** Extra requests allowed to shrink one finding (0 turns shrinking off). */
  shrinkRequestsPerFinding?: number;
  /** Extra requests allowed for shrinking over the whole run. */
  shrinkRequestsTotal?: number;
  onEvent?: RunEventHandler;
  /** The SSRF canary of this run, for the checks that look for its hits. */
  canary?: CanaryHits;
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
    });
  const judge = createJudge(model, options.checks, options.checkOptions, options.validate, options.canary);
  const collector = new FindingCollector();
  const transportErrorsByCode: Record<string, number> = {};
  const notes: string[] = plan.notes.map((note) => `${note.agent}: ${note.message}`);
  let requests = 0;
  let responses = 0;
  let notSent = 0;
  // A target that accepts connections but has answered nothing after this many requests is not going to:
  // stop sending rather than wait out every remaining timeout.
  const giveUpAfter = Math.max(16, 2 * options.concurrency);
  const gaveUp = () => responses === 0 && requests >= giveUpAfter;

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
    requests += 1;
    if (exchange.response !== undefined) responses += 1;
    if (exchange.error !== undefined) transportErrorsByCode[exchange.error.code] = (transportErrorsByCode[exchange.error.code] ?? 0) + 1;
    emit({ type: 'exchange', exchange });
    return exchange;
  }

  async function runCase(testCase: TestCase): Promise<void> {
    const operation = operationsByKey.get(testCase.operation)!;
    if (gaveUp()) {
      notSent += 1;
      emit({ type: 'case.finished', caseId: testCase.id, operation: testCase.operation, agent: testCase.agent, requests: 0, findings: collector.size });
      return;
    }
    const exchange = await send(operation, testCase);
    for (const judged of judge.exchange(operation, testCase, exchange)) {
      collector.add({ judged, operation: operation.key, exchange, testCase });
    }
    emit({
      type: 'case.finished',
      caseId: testCase.id,
      operation: testCase.operation,
      agent: testCase.agent,
      requests: 1,
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
    const steps = await executeScenario(scenario, operationsByKey, send, judge, collector, notes);
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
    await shrinkAll(collector.all(), operationsByKey, options, async (testCase) => {
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
  if (notSent > 0) notes.push(`stopped sending after ${requests} requests without a single response: ${notSent} cases and scenarios were not sent`);
  notes.push(...judge.notes);
  const finishedAt = new Date();
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const byCheck: Record<string, number> = {};
  for (const finding of findings) {
    bySeverity[finding.severity] += 1;
    byCheck[finding.check] = (byCheck[finding.check] ?? 0) + 1;
  }
  const result: RunResult = {
    summary: {
      runId,
      target: options.baseUrl,
      spec: model.source,
      seed: plan.seed,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationMs: finishedAt.getTime() - startedAt.getTime(),
      operations: options.operations.length,
      cases: plan.cases.length,
      scenarios: plan.scenarios.length,
      requests,
      transportErrors,
      findings: findings.length,
      bySeverity,
      byCheck,
      notes,
      checksRun: Object.fromEntries([...judge.checksRun].map(([key, ids]) => [key, [...ids].sort()])),
      secretNames,
    },
    findings,
  };
  emit({ type: 'run.finished', result });
  return { result, transportErrorsByCode };
}

async function executeScenario(
  scenario: Scenario,
  operationsByKey: Map<string, Operation>,
  send: (operation: Operation, testCase: TestCase) => Promise<Exchange>,
  judge: Judge,
  collector: FindingCollector,
  notes: string[],
): Promise<ExecutedStep[]> {
  let variables: Record<string, unknown> = {};
  const steps: ExecutedStep[] = [];
  for (const step of scenario.steps) {
    const { request, missing } = substitute(step.case.request, variables);
    const testCase: TestCase = { ...step.case, request };
    const operation = operationsByKey.get(testCase.operation);
    // A value an earlier step did not yield: sending `{{id}}` literally would test nothing.
    if (missing.length > 0 || operation === undefined) {
      if (operation === undefined) notes.push(`scenario ${scenario.id}: step for unknown operation ${testCase.operation} was skipped`);
      steps.push({ testCase, variables: { ...variables } });
      continue;
    }
    const exchange = await send(operation, testCase);
    variables = extractAll(step.extract, exchange.response, variables);
    steps.push({ testCase, exchange, variables: { ...variables } });
    for (const judged of judge.exchange(operation, testCase, exchange)) {
      collector.add({ judged, operation: operation.key, exchange, testCase });
    }
  }
  return steps;
}

async function shrinkAll(
  occurrences: Occurrence[],
  operationsByKey: Map<string, Operation>,
  options: EngineOptions,
  tryVariant: Parameters<typeof shrink>[4],
): Promise<void> {
  const perFinding = options.shrinkRequestsPerFinding ?? 8;
  let budget = options.shrinkRequestsTotal ?? 200;
  const candidates = occurrences.filter((o) => o.steps === undefined && o.exchange.response !== undefined);
  if (perFinding <= 0) return;
  await runBounded(candidates, options.concurrency, async (occurrence) => {
    const allowed = Math.min(perFinding, budget);
    if (allowed <= 0) return;
    budget -= allowed;
    const operation = operationsByKey.get(occurrence.operation)!;
    const target = { check: occurrence.judged.check, cause: occurrence.judged.draft.cause };
    const result = await shrink(operation, occurrence.testCase, occurrence.exchange, target, tryVariant, allowed);
    budget += allowed - result.requests;
    occurrence.testCase = result.testCase;
    occurrence.exchange = result.exchange;
  });
}

function describeCodes(byCode: Record<string, number>): string {
  return Object.entries(byCode)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${code} ×${n}`)
    .join(', ');
}

function secretNamesOf(model: ApiModel): string[] {
  return Object.values(model.securitySchemes).flatMap((scheme) => (scheme.type === 'apiKey' ? [scheme.name] : []));
}
