// command_injection by evidence: the output of a shell echo (a marker whose halves the payload keeps
// apart) in the response, or a shell sleep confirmed twice against a no-sleep control.
import type { Check, ScenarioCheck } from './check.js';
import { around, confirmedDelay, payloadOf } from './probe-evidence.js';
import { stepByRole } from './scenario-steps.js';

const REMEDIATION =
  'Never build shell command lines from input: call programs with argument arrays, and validate input against an allow-list.';

export const commandInjection: Check = {
  id: 'command_injection',
  severity: 'critical',
  description: 'A shell payload was executed: its echo output came back, or its sleep delayed the answer.',
  remediation: REMEDIATION,
  optIn: true,
  run({ exchange, testCase }) {
    const response = exchange.response;
    if (!response || testCase.mutation?.constraint !== 'command_injection:marker') return [];
    const payload = payloadOf(testCase);
    const marker = testCase.probe?.marker;
    const index = marker === undefined || payload === undefined ? -1 : response.body.indexOf(marker);
    if (index < 0) return [];
    return [
      {
        title: 'OS command injection: echo executed',
        message: `A shell echo injected into ${testCase.mutation.location} ${testCase.mutation.target} printed ${marker} in the response: the value reaches a shell.`,
        cause: `marker:${testCase.mutation.location}.${testCase.mutation.target}`,
        evidence: around(response.body, index, marker!.length),
        payload: payload!,
      },
    ];
  },
};

export const commandInjectionScenario: ScenarioCheck = {
  id: 'command_injection',
  severity: 'critical',
  description: 'A shell sleep delayed the answer, twice, while a zero sleep did not.',
  remediation: REMEDIATION,
  run({ scenario, steps }) {
    if (scenario.kind !== 'command_time') return [];
    const probe = stepByRole(steps, 'delay-1')?.testCase;
    const target = probe?.mutation;
    const delayMs = probe?.probe?.delayMs;
    const delay = delayMs === undefined ? undefined : confirmedDelay(steps, delayMs);
    if (target === undefined || delay === undefined) return [];
    const where = `${target.location} ${target.target}`;
    return [
      {
        title: 'Time-based OS command injection',
        message: `A shell sleep injected into ${where} delayed the answer, twice, while a zero sleep did not.`,
        cause: `time:${where}`,
        evidence: delay.evidence,
        ...(delay.payload !== undefined ? { payload: delay.payload } : {}),
      },
    ];
  },
};
