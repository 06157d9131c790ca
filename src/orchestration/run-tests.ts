// One run from a loaded model and its selected operations: make sure the target answers, log identities
// in, plan with the chosen agents, then hand the plan to the executor. The CLI and the platform call this;
// what they do with the events is theirs.
import type { Agent, AgentContext } from '../agents/agent.js';
import type { TestPlan } from '../core/test-case.js';
import { DEFAULT_IDENTITY, identityInfos, type IdentitySet } from '../execution/auth/identity.js';
import { logInIdentities, type LoginSpec } from '../execution/auth/login.js';
import { startCanary, type Canary } from '../execution/canary.js';
import type { CheckOptions } from '../execution/checks/check.js';
import { createCheckRegistry } from '../execution/checks/registry.js';
import type { HttpClient } from '../execution/http-client.js';
import type { ApiModel, Operation } from '../spec/model.js';
import { ensureReachable } from '../execution/probe.js';
import { patternGuardFor } from '../core/safe-pattern.js';
import { createSchemaValidator } from '../spec/validator.js';
import { executePlan, type EngineOutcome } from '../execution/run/execute-plan.js';
import type { RunEventHandler } from '../core/events.js';
import { buildBudgetedPlan } from './plan-budget.js';
import { loadPlugins, type LoadedPlugins, type PluginSettings } from './plugins.js';
import { chooseChecks } from './select-checks.js';

export interface RunRequest {
  model: ApiModel;
  operations: Operation[];
  baseUrl: string;
  agents: Agent[];
  seed: number;
  maxExamples: number;
  /** Logged in (their tokens added to `identities`) before anything is planned. */
  logins?: { name: string; spec: LoginSpec }[];
  identities: IdentitySet;
  concurrency: number;
  timeoutMs: number;
  rateLimit?: number;
  maxResponseTimeMs?: number;
  /** Accept any TLS certificate. */
  insecure?: boolean;
  onEvent?: RunEventHandler;
  /** Swapped in by tests and benchmarks; the target is then not probed (the client is the transport). */
  client?: HttpClient;
  signal?: AbortSignal;
  /** Users' checks and agents, run in the sandbox. */
  plugins?: PluginSettings;
  /** Only these checks judge (built-in ids and plugin check names); absent means all. */
  checks?: string[];
}

export interface RunOutcome extends EngineOutcome {
  plan: TestPlan;
}

/** Agents that point the target at the run's SSRF canary; the canary runs only when one of them does. */
const CANARY_AGENTS = new Set(['injection']);

export async function runTests(request: RunRequest): Promise<RunOutcome> {
  // Plugins load first: a broken plugin file is a usage error before any request is sent.
  const plugins = request.plugins !== undefined && request.plugins.files.length > 0 ? await loadPlugins(request.plugins, request.seed) : undefined;
  try {
    return await runWithPlugins(request, plugins);
  } finally {
    await plugins?.close();
  }
}

async function runWithPlugins(request: RunRequest, plugins: LoadedPlugins | undefined): Promise<RunOutcome> {
  const checks = chooseChecks(createCheckRegistry(), plugins?.checks ?? [], request.checks);
  if (request.client === undefined) await ensureReachable(request.baseUrl, request.timeoutMs, request.insecure === true);
  await logInIdentities(request.model, request.identities, request.logins ?? [], request.baseUrl, {
    timeoutMs: request.timeoutMs,
    insecure: request.insecure === true,
  });
  const canary: Canary | undefined = request.agents.some((agent) => CANARY_AGENTS.has(agent.name)) ? await startCanary() : undefined;
  try {
    const context: AgentContext = {
      seed: request.seed,
      maxExamples: request.maxExamples,
      identities: identityInfos(request.identities),
    };
    if (canary !== undefined) context.canaryUrl = canary.url;
    const token = defaultJwt(request.identities);
    if (token !== undefined) context.defaultBearerToken = token;
    const pluginOutputs = plugins === undefined ? [] : await plugins.plan(request.model, request.operations, context);
    const { plan, planned, note } = buildBudgetedPlan(request.model, request.operations, request.agents, context, undefined, pluginOutputs);
    const validator = createSchemaValidator(request.model);
    const checkOptions: CheckOptions = request.maxResponseTimeMs !== undefined ? { maxResponseTimeMs: request.maxResponseTimeMs } : {};
    const outcome = await executePlan({
      model: request.model,
      operations: planned,
      plan,
      baseUrl: request.baseUrl,
      identities: request.identities,
      concurrency: request.concurrency,
      timeoutMs: request.timeoutMs,
      ...(request.rateLimit !== undefined ? { rateLimit: request.rateLimit } : {}),
      ...(request.insecure ? { insecure: true } : {}),
      checkOptions,
      checks,
      validate: (schema, value) => validator.validate(schema as never, value),
      lateNotes: () => [...(note ? [note] : []), ...patternGuardFor(request.model).notes()],
      ...(request.onEvent ? { onEvent: request.onEvent } : {}),
      ...(request.client ? { client: request.client } : {}),
      ...(canary ? { canary } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
    });
    return { ...outcome, plan };
  } finally {
    await canary?.close();
  }
}

/** The default identity's bearer token (flag or Authorization header), only when it is a JWT. */
export function defaultJwt(identities: IdentitySet): string | undefined {
  const identity = identities.identities.find((candidate) => candidate.name === DEFAULT_IDENTITY);
  const fromHeader = /^Bearer\s+(\S+)$/i.exec(identity?.headers.authorization ?? '')?.[1];
  const token = identity?.credentials.bearer ?? fromHeader;
  if (token === undefined) return undefined;
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as { alg?: unknown };
    return typeof header.alg === 'string' ? token : undefined;
  } catch {
    return undefined;
  }
}
