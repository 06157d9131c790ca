// The agents a run can use, made per run (never a module global). `--agents` picks among them by name;
// without it the default agents run. To add an agent: one import and one entry line.
import type { Agent } from '../agents/agent.js';
import type { AgentName } from '../core/test-case.js';
import { authAgent } from '../agents/auth/agent.js';
import { injectionAgent } from '../agents/injection/agent.js';
import { mockingAgent } from '../agents/mocking.js';
import { negativeAgent } from '../agents/negative/agent.js';
import { positiveAgent } from '../agents/positive.js';
import { statefulAgent } from '../agents/stateful/agent.js';

export function createAgentRegistry(): Agent[] {
  return [
    positiveAgent,
    negativeAgent,
    mockingAgent,
    statefulAgent,
    authAgent,
    injectionAgent,
  ];
}

/**
 * Agents that run when `--agents` is not given. `mocking` runs only on request: its realistic datasets
 * are already what the positive agent sends, and `sentinel mock` serves them directly.
 */
export const DEFAULT_AGENTS: readonly AgentName[] = ['positive', 'negative', 'stateful', 'auth', 'injection'];
