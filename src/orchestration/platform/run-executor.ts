// Where a platform run executes. In process by default, through the same runTests the CLI uses; the
// broker's workers will implement the same interface.
import { apiKeyHeaderNames } from '../../execution/auth/apply.js';
import { buildIdentities, type Role } from '../../execution/auth/identity.js';
import { SentinelError } from '../../core/errors.js';
import { createAgentRegistry, DEFAULT_AGENTS } from '../agents.js';
import type { RunEventHandler } from '../../core/events.js';
import type { RunResult } from '../../core/run-result.js';
import { runTests } from '../run-tests.js';
import { parseFilter, selectOperations } from '../select-operations.js';
import type { OutboundPolicy } from '../../execution/outbound-policy.js';
import { loadDescriptionText } from './uploaded-description.js';

export interface RunJobSettings {
  baseUrl: string;
  /** Undefined: the default agents. */
  agents?: string[];
  seed: number;
  maxExamples: number;
  concurrency: number;
  timeoutMs: number;
  include: string[];
  exclude: string[];
  /** Header name → value, sent with every request (credential headers as the default identity). */
  headers: Record<string, string>;
  identities: { name: string; role: Role; headers: Record<string, string> }[];
}

export interface RunJob {
  runId: string;
  /** The stored description text and the name reports give it. */
  description: { text: string; name: string };
  settings: RunJobSettings;
  onEvent: RunEventHandler;
  signal: AbortSignal;
}

export interface RunExecutor {
  /** The run's result; rejects with a one-line reason when the run cannot start (bad target, no operations). */
  execute(job: RunJob): Promise<RunResult>;
}

export const AGENT_NAMES = createAgentRegistry().map((agent) => agent.name);

/** Runs in this process; `policy` governs the URLs a stored description's `$ref`s name. */
export function createInProcessExecutor(policy: OutboundPolicy): RunExecutor {
  return {
    async execute(job) {
      const { settings } = job;
      const model = await loadDescriptionText(job.description.text, job.description.name, 'specification', policy);
      const operations = selectOperations(
        model.operations,
        settings.include.map((text) => parseFilter(text, '--include')),
        settings.exclude.map((text) => parseFilter(text, '--exclude')),
      );
      if (operations.length === 0) throw new SentinelError('usage', 'no operation of the specification matches include/exclude');
      const identities = buildIdentities(
        {
          headers: Object.entries(settings.headers).map(([name, value]) => [name.toLowerCase(), value]),
          credentials: {},
          identities: settings.identities.map((identity) => ({ name: identity.name, role: identity.role, headers: Object.entries(identity.headers) })),
        },
        apiKeyHeaderNames(model),
      );
      const registry = createAgentRegistry();
      const names = settings.agents ?? [...DEFAULT_AGENTS];
      const agents = registry.filter((agent) => names.includes(agent.name));
      const { result } = await runTests({
        model,
        operations,
        baseUrl: settings.baseUrl,
        agents,
        seed: settings.seed,
        maxExamples: settings.maxExamples,
        identities,
        concurrency: settings.concurrency,
        timeoutMs: settings.timeoutMs,
        onEvent: job.onEvent,
        signal: job.signal,
      });
      return { ...result, summary: { ...result.summary, runId: job.runId, spec: job.description.name } };
    },
  };
}
