// The life of a finding in a run: judged on an exchange or a scenario, confirmed by measuring again where
// its check asks for it, collected (deduplicated), shrunk to the smallest request that still fails, sent
// once more to tell a reproducible finding from a flaky one, and finally turned into findings; what could
// not be confirmed becomes a note.
import type { Exchange } from '../../core/exchange.js';
import type { Finding } from '../../core/finding.js';
import type { Scenario, TestCase } from '../../core/test-case.js';
import type { Operation } from '../../spec/model.js';
import type { ExecutedStep } from '../checks/check.js';
import { confirmByRemeasuring, describeUnconfirmed } from './confirm.js';
import type { ExchangeSender } from './exchange-sender.js';
import { FindingCollector, toFindings } from './findings.js';
import type { Judge } from './judge.js';
import { recheckOccurrences } from './recheck.js';
import { shrinkOccurrences } from './shrink.js';

export interface ShrinkBudget {
  perFinding: number;
  total: number;
}

export class FindingLifecycle {
  private readonly collector = new FindingCollector();
  // Operations whose unconfirmed slow answer is already in the notes: one note per operation is enough.
  private readonly unconfirmedNoted = new Set<string>();
  // `operation check` pairs whose finding measuring again already confirmed: later slow answers of the
  // operation join that finding on their own timing instead of costing two more slow requests each.
  private readonly confirmedByRemeasuring = new Set<string>();

  constructor(
    private readonly judge: Judge,
    private readonly sender: ExchangeSender,
    private readonly notes: string[],
  ) {}

  /** Distinct findings so far (for progress displays). */
  get size(): number {
    return this.collector.size;
  }

  /** Judges one exchange of a case; returns how many repeats confirming a finding sent. */
  async judgeExchange(operation: Operation, testCase: TestCase, exchange: Exchange): Promise<number> {
    let repeats = 0;
    const { judge } = this;
    const { judged, unconfirmed } = await confirmByRemeasuring(await judge.exchange(operation, testCase, exchange), exchange, {
      remeasures: (check) => judge.remeasures(check) && !this.confirmedByRemeasuring.has(`${operation.key} ${check}`),
      rejudge: (check, remeasurement) => judge.exchange(operation, testCase, exchange, check, remeasurement),
      resend: (request) => {
        repeats += 1;
        return this.sender.resend(testCase.id, request, operation.key);
      },
    });
    // The evidence stays the judged exchange; the repeats only add their timings to the message.
    for (const draft of judged) {
      this.collector.add({ judged: draft, operation: operation.key, exchange, testCase });
      if (judge.remeasures(draft.check)) this.confirmedByRemeasuring.add(`${operation.key} ${draft.check}`);
    }
    for (const slow of unconfirmed) {
      if (this.unconfirmedNoted.has(operation.key)) break;
      this.unconfirmedNoted.add(operation.key);
      this.notes.push(describeUnconfirmed(operation.key, slow));
    }
    return repeats;
  }

  /** Judges a scenario over its executed steps; the last step that got an exchange is the evidence. */
  judgeScenario(scenario: Scenario, steps: ExecutedStep[]): void {
    for (const judged of this.judge.scenario(scenario, steps)) {
      const evidence = [...steps].reverse().find((step) => step.exchange !== undefined);
      if (evidence === undefined) continue;
      this.collector.add({ judged, operation: scenario.operation, exchange: evidence.exchange!, testCase: evidence.testCase, steps });
    }
  }

  /** Shrinks the collected findings' requests within the budget. */
  async shrink(operationsByKey: Map<string, Operation>, concurrency: number, budget: ShrinkBudget): Promise<void> {
    // A finding confirmed by measuring again is not shrunk: a variant judged on one timing is the flaky
    // accusation confirmation avoids, and its message lists the timings of the judged request.
    const shrinkable = this.collector.all().filter((occurrence) => !this.judge.remeasures(occurrence.judged.check));
    await shrinkOccurrences(shrinkable, operationsByKey, concurrency, budget, async (testCase) => {
      const operation = operationsByKey.get(testCase.operation)!;
      const exchange = await this.sender.send(operation, testCase);
      return { exchange, judged: await this.judge.exchange(operation, testCase, exchange) };
    });
  }

  /** Sends each shrunk case finding once more (at most `maxRequests`); those not reproduced are marked flaky. */
  async recheck(operationsByKey: Map<string, Operation>, concurrency: number, maxRequests: number): Promise<void> {
    const recheckable = this.collector.all().filter((occurrence) => !this.judge.remeasures(occurrence.judged.check));
    await recheckOccurrences(recheckable, concurrency, maxRequests, async ({ testCase }) => {
      const operation = operationsByKey.get(testCase.operation)!;
      const exchange = await this.sender.send(operation, testCase);
      return { exchange, judged: await this.judge.exchange(operation, testCase, exchange) };
    });
  }

  findings(secretNames: string[]): Finding[] {
    return toFindings(this.collector.all(), secretNames);
  }
}
