// The agents a run can use, made per run (never a module global). `--agents` picks among them by name;
// without it every agent here runs. To add an agent: one import and one entry line.
import type { Agent } from '../agents/agent.js';
import { authAgent } from '../agents/auth/agent.js';
import { injectionAgent } from '../agents/injection/agent.js';
import { mockingAgent } from '../agents/mocking.js';
import { negativeAgent } from '../agents/negative.js';
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
