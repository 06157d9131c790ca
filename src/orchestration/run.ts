// One run from a loaded model: select operations, plan with the chosen agents, execute and judge.
// The CLI and the platform's workers call this; what they do with the events is theirs.
import type { Agent } from '../agents/agent.js';
import type { TestPlan } from '../agents/test-case.js';
import { identityInfos, type IdentitySet } from '../execution/auth/identity.js';
import type { CheckOptions } from '../execution/checks/check.js';
import { createCheckRegistry } from '../execution/checks/registry.js';
import type { HttpClient } from '../execution/http-client.js';
import type { ApiModel, Operation } from '../spec/model.js';
import { createSchemaValidator } from '../spec/validator.js';
import { executePlan, type EngineOutcome } from './engine.js';
import type { RunEventHandler } from './events.js';
import { buildPlan } from './plan.js';

export interface RunRequest {
  model: ApiModel;
  operations: Operation[];
  baseUrl: string;
  agents: Agent[];
  seed: number;
  maxExamples: number;
  identities: IdentitySet;
  concurrency: number;
  timeoutMs: number;
  rateLimit?: number;
  maxResponseTimeMs?: number;
  onEvent?: RunEventHandler;
  client?: HttpClient;
}

export interface RunOutcome extends EngineOutcome {
  plan: TestPlan;
}

export async function runTests(request: RunRequest): Promise<RunOutcome> {
  const plan = buildPlan(request.model, request.operations, request.agents, {
    seed: request.seed,
    maxExamples: request.maxExamples,
    identities: identityInfos(request.identities),
  });
  const validator = createSchemaValidator(request.model);
  const checkOptions: CheckOptions = request.maxResponseTimeMs !== undefined ? { maxResponseTimeMs: request.maxResponseTimeMs } : {};
  const outcome = await executePlan({
    model: request.model,
    operations: request.operations,
    plan,
    baseUrl: request.baseUrl,
    identities: request.identities,
    concurrency: request.concurrency,
    timeoutMs: request.timeoutMs,
    ...(request.rateLimit !== undefined ? { rateLimit: request.rateLimit } : {}),
    checkOptions,
    checks: createCheckRegistry(),
    validate: (schema, value) => validator.validate(schema as never, value),
    ...(request.onEvent ? { onEvent: request.onEvent } : {}),
    ...(request.client ? { client: request.client } : {}),
  });
  return { ...outcome, plan };
}
