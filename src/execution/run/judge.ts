// Judging: the checks that apply to a case run over its exchange and return drafts. A check that throws
// is a bug in that check; it becomes a run note rather than ending the run.
import type { Scenario, TestCase } from '../../core/test-case.js';
import type { CanaryHits, CheckContext, CheckOptions, ExecutedStep, Remeasurement } from '../checks/check.js';
import type { CheckRegistry } from '../checks/registry.js';
import { selectChecks, selectScenarioChecks } from '../checks/select.js';
import type { Exchange } from '../../core/exchange.js';
import type { FindingDraft, Severity } from '../../core/finding.js';
import type { ApiModel, Operation } from '../../spec/model.js';

export interface JudgedDraft {
  check: string;
  severity: Severity;
  draft: FindingDraft;
}

export interface Judge {
  /** `remeasurement` is given, with `only`, on the confirming pass of a check that re-measures (confirm.ts). */
  exchange(operation: Operation, testCase: TestCase, exchange: Exchange, only?: string, remeasurement?: Remeasurement): Promise<JudgedDraft[]>;
  /** True for a check whose findings stand only once confirmed by measuring again (`confirm: 'remeasure'`). */
  remeasures(check: string): boolean;
  scenario(scenario: Scenario, steps: ExecutedStep[]): JudgedDraft[];
  /** Operation key → checks that judged at least one of its exchanges. */
  checksRun: Map<string, Set<string>>;
  notes: string[];
}

export function createJudge(model: ApiModel, registry: CheckRegistry, options: CheckOptions, validate: CheckContext['validate'], canary?: CanaryHits): Judge {
  const extra = canary === undefined ? {} : { canary };
  const checksRun = new Map<string, Set<string>>();
  const notes: string[] = [];
  const failedChecks = new Set<string>();
  const remeasuring = new Set(registry.exchangeChecks.filter((check) => check.confirm === 'remeasure').map((check) => check.id));
  const failed = (check: { id: string }, error: unknown): JudgedDraft[] => {
    if (!failedChecks.has(check.id)) notes.push(`check ${check.id} failed and was skipped on some exchanges: ${error instanceof Error ? error.message : String(error)}`);
    failedChecks.add(check.id);
    return [];
  };
  const judgedBy = (check: { id: string; severity: Severity }, drafts: FindingDraft[]): JudgedDraft[] =>
    drafts.map((draft) => ({ check: check.id, severity: draft.severity ?? check.severity, draft }));
  // Exchange and scenario checks alike: run one, and judge its drafts under its id and default severity.
  // A check that answers later (a user's check in the sandbox's worker) gives a promise of them.
  const judgeWith = <C>(check: { id: string; severity: Severity; run(context: C): FindingDraft[] | Promise<FindingDraft[]> }, context: C): JudgedDraft[] | Promise<JudgedDraft[]> => {
    try {
      const drafts = check.run(context);
      if (Array.isArray(drafts)) return judgedBy(check, drafts);
      return drafts.then((later) => judgedBy(check, later), (error: unknown) => failed(check, error));
    } catch (error) {
      return failed(check, error);
    }
  };
  return {
    checksRun,
    notes,
    remeasures: (check) => remeasuring.has(check),
    async exchange(operation, testCase, exchange, only, remeasurement) {
      const perCheck: (JudgedDraft[] | Promise<JudgedDraft[]>)[] = [];
      // One context for every check of this exchange: checks only read it.
      const context: CheckContext = { model, operation, testCase, exchange, options, validate, ...extra, ...(remeasurement === undefined ? {} : { remeasurement }) };
      let ran = checksRun.get(operation.key);
      if (ran === undefined) checksRun.set(operation.key, (ran = new Set()));
      for (const check of selectChecks(registry, testCase, options)) {
        if (only !== undefined && check.id !== only) continue;
        if (exchange.response === undefined && !check.acceptsTransportErrors) continue;
        ran.add(check.id);
        perCheck.push(judgeWith(check, context));
      }
      // In registry order whichever answered first.
      return (await Promise.all(perCheck)).flat();
    },
    scenario(scenario, steps) {
      const judged: JudgedDraft[] = [];
      const context = { model, scenario, steps, options, validate, ...extra };
      for (const check of selectScenarioChecks(registry, scenario)) {
        judged.push(...(judgeWith(check, context) as JudgedDraft[]));
      }
      return judged;
    },
  };
}
