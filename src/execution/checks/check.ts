// One signature for every check: a pure function from an exchange in context to finding drafts.
import type { TestCase } from '../../core/test-case.js';
import type { ApiModel, Operation } from '../../spec/model.js';
import type { Exchange } from '../../core/exchange.js';
import type { FindingDraft, Severity } from '../../core/finding.js';

export interface CheckOptions {
  /** `--max-response-time` in ms; the response_time check is off without it. */
  maxResponseTimeMs?: number;
}

export interface CheckContext {
  model: ApiModel;
  operation: Operation;
  testCase: TestCase;
  exchange: Exchange;
  options: CheckOptions;
  /** Validates a value against a model schema (2020-12, `schemaDefs` registered). */
  validate(schema: unknown, value: unknown): { valid: boolean; errors: { pointer: string; keyword: string; message: string }[] };
  /** The SSRF canary started for the run (src/execution/canary.ts), when the injection agent runs. */
  canary?: CanaryHits;
  /** Set only on the confirming pass of a check with `confirm: 'remeasure'` (src/execution/run/confirm.ts). */
  remeasurement?: Remeasurement;
}

/** Every timing taken of one request, for a check that confirms its findings by measuring again. */
export interface Remeasurement {
  /** The judged exchange first, then each repeat that got an answer or timed out. */
  exchanges: Exchange[];
  /** Set when the request was not sent again because its method is not safe to repeat (POST, PUT...). */
  notRepeated?: 'unsafe-method';
}

/** Requests the canary server received, counted by the unique token in their path. */
export interface CanaryHits {
  hits(token: string): number;
}

export interface Check {
  /** Stable snake_case name: what users filter on and CI baselines keep. */
  id: string;
  severity: Severity;
  description: string;
  /**
   * Called only with exchanges that have a response unless `acceptsTransportErrors`. Built-in checks answer
   * at once; a user's check answers later, from the sandbox's worker thread.
   */
  run(ctx: CheckContext): FindingDraft[] | Promise<FindingDraft[]>;
  acceptsTransportErrors?: boolean;
  /** Runs only for cases that name it in `TestCase.checks` (probes such as `unsupported_method`). */
  optIn?: boolean;
  /** Where the check applies; absent means every case. Used by `selectChecks` (see select.ts). */
  appliesTo?(testCase: TestCase, options: CheckOptions): boolean;
  /** How to fix what the check finds; shown as the help text of SARIF rules. */
  remediation?: string;
  /**
   * 'remeasure': a finding from one timing is only a suspicion (a GC pause or a noisy neighbour makes one
   * answer slow). The engine sends a request safe to repeat again and runs the check once more with
   * `remeasurement`; only the drafts of that pass are reported.
   */
  confirm?: 'remeasure';
}

/** One executed step of a scenario, in order. `exchange` is absent if the step was not sent. */
export interface ExecutedStep {
  testCase: TestCase;
  exchange?: Exchange;
  /** Variables extracted so far, after this step. */
  variables: Record<string, unknown>;
}

export interface ScenarioCheckContext {
  model: ApiModel;
  scenario: import('../../core/test-case.js').Scenario;
  steps: ExecutedStep[];
  options: CheckOptions;
  validate: CheckContext['validate'];
  /** The SSRF canary started for the run, when the injection agent runs (the ssrf check needs it). */
  canary?: CanaryHits;
}

/**
 * A check over a whole scenario (use after free, bola, differential injection probes). A scenario names
 * the scenario checks that judge it in `Scenario.checks`; each step is also judged by the exchange checks.
 */
export interface ScenarioCheck {
  id: string;
  severity: Severity;
  description: string;
  run(ctx: ScenarioCheckContext): FindingDraft[];
  /** How to fix what the check finds; shown as the help text of SARIF rules. */
  remediation?: string;
}
