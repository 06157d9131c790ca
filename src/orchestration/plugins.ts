// Users' checks and agents (`--plugin FILE`, config `plugins:`) run in the sandbox; this is where they meet
// the engine. A plugin check becomes a check of the run's registry whose verdict comes from the worker; a
// plugin agent's cases join the plan next to the built-in agents' ones. They see plain JSON only: the
// exchange redacted as in the reports, the normalized model.
import type { AgentContext, AgentOutput } from '../agents/agent.js';
import type { FindingDraft } from '../core/finding.js';
import type { Check, CheckContext } from '../execution/checks/check.js';
import { redactExchange } from '../execution/redaction/redact.js';
import { secretParamNames } from '../execution/redaction/secret-names.js';
import { PluginCallError, startSandbox, type PluginInfo, type Sandbox } from '../sandbox/host.js';
import type { SandboxLimits } from '../sandbox/limits.js';
import { validatePlannedCases } from '../sandbox/planned-cases.js';
import type { ApiModel, Operation } from '../spec/model.js';

export interface PluginSettings {
  files: string[];
  limits?: Partial<SandboxLimits>;
}

export interface LoadedPlugins {
  checks: Check[];
  /** Every plugin agent's plan, each with its name; a failed agent plans nothing and says why in a note. */
  plan(model: ApiModel, operations: Operation[], context: AgentContext): Promise<{ agent: string; output: AgentOutput }[]>;
  close(): Promise<void>;
}

export async function loadPlugins(settings: PluginSettings, seed: number): Promise<LoadedPlugins> {
  const sandbox = await startSandbox(settings.files, { seed, ...(settings.limits ? { limits: settings.limits } : {}) });
  const checks = sandbox.plugins.filter((plugin) => plugin.kind === 'check').map((plugin) => pluginCheck(sandbox, plugin));
  const agents = sandbox.plugins.filter((plugin) => plugin.kind === 'agent');
  return {
    checks,
    plan: (model, operations, context) => Promise.all(agents.map(async (agent) => ({ agent: agent.name, output: await planWith(sandbox, agent, model, operations, context) }))),
    close: () => sandbox.close(),
  };
}

function pluginCheck(sandbox: Sandbox, plugin: PluginInfo): Check {
  // A plugin stopped at a limit once would most likely be stopped again, costing the limit on every exchange.
  let stopped: PluginCallError | undefined;
  const secretNames = new WeakMap<ApiModel, string[]>();
  return {
    id: plugin.name,
    severity: plugin.severity!,
    description: `user check from ${plugin.file}`,
    async run(context: CheckContext): Promise<FindingDraft[]> {
      if (stopped !== undefined) throw stopped;
      let names = secretNames.get(context.model);
      if (names === undefined) secretNames.set(context.model, (names = secretParamNames(context.model)));
      try {
        const failures = await sandbox.call(plugin.index, 'check', [plainExchange(context, names), checkContext(context)]);
        return toDrafts(plugin, failures);
      } catch (error) {
        if (error instanceof PluginCallError && error.limit !== undefined) {
          stopped = new PluginCallError(`${error.message}; it is not called again in this run`, error.limit);
          throw stopped;
        }
        throw error;
      }
    },
  };
}

/** The exchange as the JSON report shows it, secrets redacted; `json` is the parsed body when it is JSON. */
function plainExchange(context: CheckContext, secretNames: string[]): unknown {
  const { request, response, error, durationMs } = redactExchange(context.exchange, secretNames);
  return {
    request,
    ...(response ? { response: { status: response.status, headers: response.headers, body: response.body, ...parsedBody(context.exchange.response?.json, response.body) } } : {}),
    ...(error ? { error } : {}),
    durationMs,
  };
}

/** The redacted body parsed again, for a JSON response: the parsed original may hold secrets. */
function parsedBody(original: unknown, redactedBody: string): { json?: unknown } {
  if (original === undefined) return {};
  try {
    return { json: JSON.parse(redactedBody) as unknown };
  } catch {
    return {};
  }
}

function checkContext({ operation, testCase }: CheckContext): unknown {
  return {
    operation: { key: operation.key, method: operation.method, path: operation.path, ...(operation.operationId ? { operationId: operation.operationId } : {}) },
    case: { id: testCase.id, agent: testCase.agent, title: testCase.title, expectation: testCase.expectation },
  };
}

/** `[{ title, message, cause? }]`; the cause (what makes two failures one finding) defaults to the title. */
function toDrafts(plugin: PluginInfo, failures: unknown): FindingDraft[] {
  const fail = (what: string) => new Error(`plugin ${plugin.name} (${plugin.file}) returned ${what}; expected a list of { title, message, cause? }`);
  if (!Array.isArray(failures)) return fail(`${failures === null ? 'null' : typeof failures}`) as never;
  return failures.map((failure: unknown, index) => {
    const { title, message, cause } = (failure ?? {}) as Record<string, unknown>;
    if (typeof title !== 'string' || title === '') throw fail(`[${index}].title that is not a non-empty string`);
    if (typeof message !== 'string') throw fail(`[${index}].message that is not a string`);
    if (cause !== undefined && typeof cause !== 'string') throw fail(`[${index}].cause that is not a string`);
    return { title, message, cause: cause ?? title };
  });
}

async function planWith(sandbox: Sandbox, agent: PluginInfo, model: ApiModel, operations: Operation[], context: AgentContext): Promise<AgentOutput> {
  const nothing = (why: string): AgentOutput => ({ cases: [], scenarios: [], notes: [`plugin agent ${agent.name} (${agent.file}): ${why}; none of its cases run`] });
  let planned: unknown;
  try {
    planned = await sandbox.call(agent.index, 'plan', [model, { seed: context.seed, maxExamples: context.maxExamples, operations: operations.map((operation) => operation.key) }]);
  } catch (error) {
    return nothing((error as Error).message.replace(/^plugin \S+ \(.*?\) /, ''));
  }
  const validated = validatePlannedCases(agent.name, planned);
  if ('problem' in validated) return nothing(validated.problem);
  return { cases: validated.cases, scenarios: [], notes: [] };
}
