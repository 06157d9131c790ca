// Security-Auth agent: ignored_auth on every protected operation, bola across identity pairs, bfla for
// privileged operations and lower-privileged identities. What it cannot test it says in notes.
import type { Agent, AgentOutput } from '../agent.js';
import { planningContext } from '../stateful/agent.js';
import { summarize } from '../stateful/notes.js';
import { bflaScenario } from './bfla.js';
import { bolaPairs, bolaScenario } from './bola.js';
import { ignoredAuthPlan } from './ignored-auth.js';
import { privilegeReason } from './privilege.js';
import { requiresAuth } from './security.js';

export const authAgent: Agent = {
  name: 'auth',
  description: 'Authentication and authorization attacks: ignored credentials, tampered JWTs, bola, bfla',
  plan(model, operations, context): AgentOutput {
    const ctx = planningContext(model, operations, context.seed, 'auth');
    const output: AgentOutput = { cases: [], scenarios: [], notes: [] };
    const protectedOps = operations.filter((op) => requiresAuth(model, op));
    if (protectedOps.length === 0) output.notes.push('no operation declares security: ignored_auth, bola and bfla have nothing to test');
    for (const operation of protectedOps) {
      const planned = ignoredAuthPlan(model, ctx, operation, context.defaultBearerToken);
      output.cases.push(...planned.cases);
      output.scenarios.push(...planned.scenarios);
    }
    if (protectedOps.length === 0) return output;

    const identities = context.identities.length > 0 ? context.identities : [{ name: 'default', role: 'admin' as const }];
    const pairs = bolaPairs(identities);
    if (identities.length < 2) output.notes.push('bola not tested: it needs a second identity (--identity name:Header: value)');
    else if (pairs.length === 0) output.notes.push('bola not tested: every identity has the admin role, so none is an attacker');
    else {
      const skipped = new Set<string>();
      for (const resource of ctx.graph.resources) {
        for (const pair of pairs) {
          const planned = bolaScenario(model, ctx, resource, pair);
          if (typeof planned === 'string') skipped.add(planned);
          else output.scenarios.push(planned);
        }
      }
      if (skipped.size > 0) output.notes.push(summarize('bola not planned for', [...skipped]));
    }

    const privileged = protectedOps.flatMap((op) => {
      const reason = privilegeReason(model, op);
      return reason === undefined ? [] : [{ op, reason }];
    });
    // The default identity (or an admin) is the privileged reference; the others with a lower role attack.
    const attackers = identities.filter((i) => (i.role === 'low' || i.role === 'user') && i.name !== 'default');
    const reference = identities.some((i) => i.role === 'admin' || i.name === 'default');
    if (privileged.length === 0) output.notes.push('bfla: no operation looks privileged (admin paths or tags, collection deletes, role fields)');
    else if (attackers.length === 0 || !reference) {
      output.notes.push(`bfla not tested on ${privileged.length} privileged operation(s): it needs an admin identity and one with role user or low`);
    } else {
      for (const { op, reason } of privileged) for (const attacker of attackers) output.scenarios.push(bflaScenario(model, ctx, op, reason, attacker));
    }
    return output;
  },
};
