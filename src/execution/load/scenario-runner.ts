// Runs scenario iterations inside a load worker: step 1, then each next step when the previous one is
// answered 2xx with every value it must give; anything else ends the iteration and the steps left are
// counted as skipped. The worker supplies the sending and recording (the same as for single requests).
import { extractInto, requestFor, type CompiledScenario } from './scenario.js';
import { ScenarioCounts } from './scenario-stats.js';
import { UNIQUE_VALUE } from './types.js';
import { nextUniqueValue } from './unique-value.js';
import type { CaptureSpec, Captured, DispatchableRequest } from './load-client.js';

export type StepAnswer = (status: number, errorCode: string | undefined, captured?: Captured) => void;

export interface StepSender {
  /** Sends and records under `request.operation`; `offsetMs` (from the run's start) is the time latency is measured from. */
  send(request: DispatchableRequest, offsetMs: number, then: StepAnswer): void;
  sendCapturing(request: DispatchableRequest, capture: CaptureSpec, offsetMs: number, then: StepAnswer): void;
  /** Milliseconds since the run's start. */
  elapsed(): number;
  /** False once the run is over (planned end or early stop): no further step is sent. */
  mayContinue(): boolean;
}

export class ScenarioRunner {
  private readonly counts = new Map<string, ScenarioCounts>();

  constructor(
    private readonly sender: StepSender,
    /** Draws the iteration's `unique` value (see UNIQUE_VALUE); the thread's drawer unless a test gives one. */
    private readonly drawUnique: () => string = nextUniqueValue,
  ) {}

  /**
   * One iteration. Its first step is measured from `offsetMs` (the open model's intended arrival, so a
   * queue before the first send is not hidden); each later step from its actual send: it waits on the
   * previous answer by design, so no send is omitted and there is nothing to correct. `done` gets the
   * last answer (a transport error code makes a closed-model user yield before its next turn). An
   * iteration whose steps use `unique` draws a new one, the same for all its steps.
   */
  run(scenario: CompiledScenario, offsetMs: number, done: StepAnswer): void {
    const counts = this.countsOf(scenario.name);
    counts.iterations++;
    const values = new Map<string, unknown>();
    if (scenario.usesUnique) values.set(UNIQUE_VALUE, this.drawUnique());
    const { sender } = this;
    const sendStep = (index: number, stepOffsetMs: number): void => {
      const step = scenario.steps[index]!;
      const answered: StepAnswer = (status, errorCode, captured) => {
        const end = (reason: string) => {
          counts.fail(`${step.operation}: ${reason}`, scenario.steps.length - index - 1);
          done(status, errorCode);
        };
        if (errorCode !== undefined) return end(errorCode);
        if (status < 200 || status >= 300) return end(`status ${status}`);
        if (step.extractors && captured) {
          const problem = extractInto(step, captured, values);
          if (problem !== undefined) return end(problem);
        }
        if (index + 1 === scenario.steps.length) {
          counts.complete(sender.elapsed() - offsetMs);
          return done(status, undefined);
        }
        // Cut by the end of the run: neither completed nor failed (reported as interrupted).
        if (!sender.mayContinue()) return done(status, undefined);
        sendStep(index + 1, sender.elapsed());
      };
      const request = requestFor(step, values);
      if (step.capture) sender.sendCapturing(request, step.capture, stepOffsetMs, answered);
      else sender.send(request, stepOffsetMs, answered);
    };
    sendStep(0, offsetMs);
  }

  report(): ReturnType<ScenarioCounts['encode']>[] {
    return [...this.counts.values()].map((counts) => counts.encode());
  }

  private countsOf(name: string): ScenarioCounts {
    let counts = this.counts.get(name);
    if (!counts) this.counts.set(name, (counts = new ScenarioCounts(name)));
    return counts;
  }
}
