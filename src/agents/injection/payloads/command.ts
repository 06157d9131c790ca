// OS command injection probes: an echo whose output (the two halves of a marker joined) can only come
// from a shell, and sleeps confirmed against a no-sleep control.
import { emptyPlan, probeId, type FamilyInput, type FamilyPlan } from '../family.js';
import { probeCase, probeScenario } from '../inject.js';
import { markerToken } from '../markers.js';
import { PROBE_DELAY_SECONDS } from '../timing.js';

const CHECK = 'command_injection';
export const MARKER_PREFIX = 'SNTL';

/** The shell prints `SNTL<token>`; the payload itself only holds `SNTL""<token>`. */
export function markerPayloads(base: string, token: string): string[] {
  const echo = `echo ${MARKER_PREFIX}""${token}`;
  return [`${base};${echo}`, `${base}|${echo}`, `${base}$(${echo})`];
}

/** The output a marker payload makes a shell print, or undefined for other payloads. */
export function expectedMarker(payload: string): string | undefined {
  const match = new RegExp(`${MARKER_PREFIX}""([a-z0-9]+)`).exec(payload);
  return match ? `${MARKER_PREFIX}${match[1]}` : undefined;
}

export function sleepPayloads(base: string): ((seconds: number) => string)[] {
  return [(s) => `${base};sleep ${s};`, (s) => `${base}$(sleep ${s})`];
}

export function planCommand(input: FamilyInput): FamilyPlan {
  const plan = emptyPlan();
  for (const target of input.targets.filter((t) => typeof t.base === 'string')) {
    const base = String(target.base);
    const token = markerToken(input.seed, `${CHECK}|${input.operation.key}|${target.name}`);
    markerPayloads(base, token).forEach((payload, i) => {
      const marker = expectedMarker(payload);
      const spec = { family: CHECK, probe: 'marker', payload, description: 'Shell echo of a marker', ...(marker !== undefined ? { expects: { marker } } : {}) };
      plan.cases.push(probeCase(probeId(CHECK, input, target, `marker-${i}`), input.operation, input.request, target, spec, CHECK));
    });
    sleepPayloads(base).forEach((payload, i) => {
      const spec = (probe: string, seconds: number, description: string) => ({
        family: CHECK,
        probe,
        payload: payload(seconds),
        description,
        expects: { delayMs: seconds * 1000 },
      });
      plan.scenarios.push(
        probeScenario(
          probeId(CHECK, input, target, `time-${i}`),
          'command_time',
          input.operation,
          input.request,
          target,
          [
            { role: 'baseline' },
            { role: 'delay-1', spec: spec('delay', PROBE_DELAY_SECONDS, 'Shell sleep') },
            { role: 'control', spec: spec('control', 0, 'Shell zero sleep') },
            { role: 'delay-2', spec: spec('delay', PROBE_DELAY_SECONDS, 'Shell sleep, repeated') },
          ],
          CHECK,
          'Time-based command injection',
        ),
      );
    });
  }
  return plan;
}
