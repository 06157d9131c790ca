// Security-Injection agent: payload families at every injectable input, each probe judged by evidence
// (error signatures, markers, differentials, confirmed delays, canary hits), never by status alone.
import type { Agent, AgentOutput } from '../agent.js';
import { deriveSeed } from '../data/prng.js';
import { createValueGenerator } from '../data/values.js';
import { summarize } from '../stateful/notes.js';
import { validRequest } from '../stateful/valid-request.js';
import type { FamilyInput, FamilyPlan } from './family.js';
import { planCommand } from './payloads/command.js';
import { planNoSql } from './payloads/nosql.js';
import { planPathTraversal } from './payloads/path-traversal.js';
import { planPrompt } from './payloads/prompt.js';
import { planSql } from './payloads/sql.js';
import { planSsrf } from './payloads/ssrf.js';
import { planXss } from './payloads/xss.js';
import { injectionTargets } from './targets.js';

/**
 * Inputs probed per operation, parameters first (path, query, header, cookie, then body leaves): the
 * budget that keeps a thousand-operation description to a run of reasonable length.
 */
const MAX_TARGETS = 8;

const FAMILIES: ((input: FamilyInput) => FamilyPlan)[] = [planSql, planNoSql, planCommand, planPathTraversal, planXss, planSsrf, planPrompt];

export const injectionAgent: Agent = {
  name: 'injection',
  description: 'Injection probes (SQL, NoSQL, OS command, path traversal, XSS, SSRF, prompt) judged by evidence',
  plan(model, operations, context): AgentOutput {
    const generator = createValueGenerator(model, deriveSeed(context.seed, 'injection'));
    const output: AgentOutput = { cases: [], scenarios: [], notes: [] };
    const untested = new Map<string, string[]>();
    for (const operation of operations) {
      const request = validRequest(generator, operation);
      // Credentials stay the default identity's: an injection must get past authentication to reach code.
      const targets = injectionTargets(model, operation, request).slice(0, MAX_TARGETS);
      if (targets.length === 0) continue;
      const input: FamilyInput = { model, operation, request, targets, seed: context.seed, ...(context.canaryUrl ? { canaryUrl: context.canaryUrl } : {}) };
      for (const family of FAMILIES) {
        const plan = family(input);
        output.cases.push(...plan.cases);
        output.scenarios.push(...plan.scenarios);
        for (const { reason, operation: key } of plan.untested) untested.set(reason, [...(untested.get(reason) ?? []), key]);
      }
    }
    for (const [reason, keys] of untested) output.notes.push(summarize(reason, keys));
    return output;
  },
};
