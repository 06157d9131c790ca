// Which checks judge a case. A case that names checks (`TestCase.checks`) runs only those plus
// server_error; a case that names none runs every check that is not opt-in. Either way a check runs only
// where its `appliesTo` predicate holds (response_time, for instance, only with a limit).
import type { Scenario, TestCase } from '../../core/test-case.js';
import type { Check, CheckOptions, ScenarioCheck } from './check.js';
import type { CheckRegistry } from './registry.js';

/** Judged on every exchange whatever the case asks for: a crash is always a finding. */
export const ALWAYS_RUN = 'server_error';

export function selectChecks(registry: Pick<CheckRegistry, 'exchangeChecks'>, testCase: TestCase, options: CheckOptions): Check[] {
  const requested = testCase.checks !== undefined && testCase.checks.length > 0 ? new Set(testCase.checks) : undefined;
  return registry.exchangeChecks.filter((check) => {
    const chosen = requested ? requested.has(check.id) || check.id === ALWAYS_RUN : !check.optIn;
    return chosen && (check.appliesTo === undefined || check.appliesTo(testCase, options));
  });
}

/** The scenario checks a scenario names, in registry order; unknown names are ignored (the plan validates them). */
export function selectScenarioChecks(registry: Pick<CheckRegistry, 'scenarioChecks'>, scenario: Scenario): ScenarioCheck[] {
  const requested = new Set(scenario.checks);
  return registry.scenarioChecks.filter((check) => requested.has(check.id));
}
