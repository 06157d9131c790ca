// SSRF probes: URL-typed inputs pointed at the canary server Sentinel runs on loopback, each with its own
// token. A request reaching the canary with that token is the evidence.
import { emptyPlan, probeId, type FamilyInput, type FamilyPlan } from '../family.js';
import { probeScenario } from '../inject.js';
import { markerToken } from '../markers.js';
import type { InjectionTarget } from '../targets.js';

const CHECK = 'ssrf';
const URL_FORMATS = new Set(['uri', 'url', 'iri', 'uri-reference', 'iri-reference']);
const URL_NAME = /(url|uri|callback|webhook|hook|endpoint|link|href|redirect|feed|avatar|image_?src|target_?url|destination|proxy|fetch)$/i;

export function isUrlInput(target: InjectionTarget): boolean {
  if (typeof target.base !== 'string') return false;
  return (typeof target.schema.format === 'string' && URL_FORMATS.has(target.schema.format)) || URL_NAME.test(target.field);
}

/** `http://127.0.0.1:PORT/ssrf/<token>`; the canary counts hits by token. */
export function canaryTarget(canaryUrl: string, token: string): string {
  return `${canaryUrl.replace(/\/+$/, '')}/ssrf/${token}`;
}

/** The token of a canary URL payload, or undefined. */
export function tokenOf(payload: string): string | undefined {
  return /\/ssrf\/([a-z0-9]+)/.exec(payload)?.[1];
}

export function planSsrf(input: FamilyInput): FamilyPlan {
  const plan = emptyPlan();
  const urlTargets = input.targets.filter(isUrlInput);
  if (urlTargets.length === 0) return plan;
  if (input.canaryUrl === undefined) {
    plan.untested.push({ reason: 'ssrf not tested (no canary server for this run) on', operation: input.operation.key });
    return plan;
  }
  for (const target of urlTargets) {
    const token = markerToken(input.seed, `${CHECK}|${input.operation.key}|${target.name}`);
    const spec = { family: CHECK, probe: 'canary', payload: canaryTarget(input.canaryUrl, token), description: 'URL of the Sentinel canary', expects: { canaryToken: token } };
    plan.scenarios.push(
      probeScenario(
        probeId(CHECK, input, target, 'canary'),
        'ssrf_canary',
        input.operation,
        input.request,
        target,
        // Sent twice: the second round trip leaves a server that fetches after answering time to do so.
        [
          { role: 'probe', spec },
          { role: 'probe-again', spec },
        ],
        CHECK,
        'Server-side request to the canary',
      ),
    );
  }
  return plan;
}
