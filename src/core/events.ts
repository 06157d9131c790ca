// The engine's only output: a typed event stream. Progress bars, report writers, stores and the broker
// publisher are handlers; the engine never knows who listens.
import type { Exchange } from './exchange.js';
import type { Finding } from './finding.js';
import type { RunResult } from './run-result.js';

/** `findings` on case/scenario events: distinct findings so far in the run (for progress displays). */
export type RunEvent =
  | { type: 'run.started'; runId: string; startedAt: string; operations: number; plannedCases: number; plannedScenarios: number }
  | { type: 'exchange'; exchange: Exchange; /** `"METHOD /path/template"` of the request. */ operation: string }
  | { type: 'case.finished'; caseId: string; operation: string; agent: string; requests: number; transportError?: string; findings?: number }
  | { type: 'scenario.finished'; scenarioId: string; steps: number; findings?: number }
  | { type: 'finding'; finding: Finding }
  | { type: 'run.finished'; result: RunResult };

export type RunEventHandler = (event: RunEvent) => void;
