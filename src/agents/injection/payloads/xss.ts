// Reflected XSS probes: markup carrying a unique marker; unescaped in an HTML response it would run.
import { emptyPlan, probeId, type FamilyInput, type FamilyPlan } from '../family.js';
import { probeCase } from '../inject.js';
import { markerToken } from '../markers.js';

const CHECK = 'xss';

export function xssPayloads(token: string): string[] {
  return [`<script>alert("sntl${token}")</script>`, `"><img src=x onerror=alert("sntl${token}")>`];
}

export function planXss(input: FamilyInput): FamilyPlan {
  const plan = emptyPlan();
  for (const target of input.targets.filter((t) => typeof t.base === 'string')) {
    const token = markerToken(input.seed, `${CHECK}|${input.operation.key}|${target.name}`);
    xssPayloads(token).forEach((payload, i) => {
      const spec = { family: CHECK, probe: 'reflect', payload, description: 'HTML marker payload' };
      plan.cases.push(probeCase(probeId(CHECK, input, target, i), input.operation, input.request, target, spec, CHECK));
    });
  }
  return plan;
}
