// What a load run measured: plain JSON, written as the perf report and read back as a baseline.
import type { LatencySummary } from './histogram.js';
import type { LoadModel, Stage } from './types.js';

export interface OperationStats {
  operation: string;
  requests: number;
  /** Transport failures and 5xx responses (a 4xx can be the API's correct answer to generated input). */
  errors: number;
  errorRate: number;
  /** Completed requests per second over the measured time. */
  throughput: number;
  latency: LatencySummary;
  statusClasses: Record<string, number>;
  transportErrors: Record<string, number>;
  bytesReceived: number;
}

/** One second of the run: the requests sent (intended) in it and their latencies, in milliseconds. */
export interface SecondStats {
  second: number;
  requests: number;
  errors: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
  operations: Record<string, { requests: number; errors: number; p50: number; p95: number; p99: number }>;
}

export interface StageStats extends Stage {
  startMs: number;
  overall: OperationStats;
  operations: Record<string, OperationStats>;
}

/** One scenario of the mix over the whole run; its steps' requests are in `operations` under their own names. */
export interface ScenarioStats {
  /** The mix entry's operation: `scenario <name>`. */
  name: string;
  /** Iterations started (arrivals, or turns of virtual users). */
  iterations: number;
  /** Every step answered 2xx and every extraction found its value. */
  completed: number;
  /** Ended early: a step answered non-2xx, failed in transport, or lacked a value to extract. */
  failed: number;
  /** Still running when the run ended (no step is sent after the planned end or an early stop). */
  interrupted: number;
  /** Steps never sent because their iteration failed before them. */
  skippedSteps: number;
  /** Why iterations failed, counted: `<step operation>: status 404`, `...: ECONNREFUSED`, `...: id: no value at body#/id`. */
  failures: Record<string, number>;
  /** Completed iterations, from the first step's intended send to the last step's answer. */
  duration: LatencySummary;
}

export interface LoadResult {
  model: LoadModel;
  stages: Stage[];
  startedAt: string;
  /** From the first stage's start to the last worker's end. */
  durationMs: number;
  workers: number;
  connections: number;
  overall: OperationStats;
  operations: OperationStats[];
  stageStats: StageStats[];
  series: SecondStats[];
  /** Requests handed to the HTTP client: answered, failed (both in `overall.requests`) or interrupted. */
  sent: number;
  /** Open model: arrivals not sent because too many requests were already waiting (the target fell behind). */
  dropped: number;
  /** Requests unanswered when the run ended, after a grace period. */
  interrupted: number;
  /** Open model: latency from the actual send rather than the intended one (what uncorrected tools report). */
  serviceTime?: LatencySummary;
  /** Present when the mix has scenarios. */
  scenarios?: ScenarioStats[];
  /** Set when the run stopped before its planned end. */
  stoppedEarly?: { reason: string; atMs: number };
  /** Compressed HDR histograms (microseconds), for exact re-merging later. */
  histograms: { overall: string; operations: Record<string, string> };
}
