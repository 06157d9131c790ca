// The load engine's vocabulary. Everything here is plain data so it can cross into worker threads.
import type { EncodedScenarioCounts } from './scenario-stats.js';

/** One concrete request, already serialized (see execution/serialize/request.ts). */
export interface PreparedRequest {
  method: string;
  /** Absolute URL; every request of a run shares the origin of the first one's pool or gets its own. */
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** `"METHOD /path/template"`, the key statistics are grouped under. */
  operation: string;
}

/** An operation's share of the traffic and the concrete requests that represent it (sent in turn). */
export interface MixEntry {
  operation: string;
  weight: number;
  requests: PreparedRequest[];
  /**
   * A stateful scenario instead of one request: each arrival (open model) or each turn of a virtual user
   * (closed model) runs these steps in order, each sent when the previous one is answered. `operation` is
   * then the scenario's name (`scenario <name>`) and `requests` is empty.
   */
  scenario?: ScenarioStep[];
}

/**
 * A marker standing for a value an earlier step of the same iteration extracted: `__SENTINEL_<name>__`,
 * name in [A-Za-z0-9], or for the reserved value `unique` (see UNIQUE_VALUE). It survives URL encoding and JSON serialization untouched, so requests are built
 * once with markers and filled in at send time: in the URL percent-encoded, in headers as text, in a JSON
 * body a quoted marker (`"__SENTINEL_id__"`) becomes the value's JSON (a number stays a number).
 */
export const SCENARIO_MARKER = /__SENTINEL_([A-Za-z0-9]+)__/g;
export const scenarioMarker = (name: string): string => `__SENTINEL_${name}__`;

/**
 * The reserved value `__SENTINEL_unique__`: a short lower-case letters-and-digits string (starting with a
 * letter) drawn anew for each iteration, never the same twice across the workers of a run (a random
 * per-run prefix, the worker, a per-worker counter), so a create body sends a fresh email, username or
 * slug each time. Every step may use it without extracting it; extracting into `unique` is refused.
 */
export const UNIQUE_VALUE = 'unique';

/** One step of a load scenario. Its latency and counters are recorded under its own `operation`. */
export interface ScenarioStep {
  operation: string;
  /** Built once, with markers (see SCENARIO_MARKER) where extracted values go. */
  request: PreparedRequest;
  /**
   * Values the answer gives to later steps: name → `$response.body#/json/pointer`,
   * `$response.header.Name` or `$response.header.Name#regex:<pattern>` (the first capture group of the
   * pattern's first match in the header, the whole match if it has no group, percent-decoded; the pattern
   * is JavaScript RegExp syntax without flags, limited to what Python's `re` reads the same way, see
   * execution/extract-pattern.ts). A 2xx answer is required to extract; an answer that is not 2xx, or lacks a value
   * (a pattern that does not match), ends the iteration and its later steps are counted as skipped (they
   * would use a value never given). The name `unique` is reserved (see UNIQUE_VALUE).
   */
  extract?: Record<string, string>;
}

/**
 * Open model: requests arrive at `target` per second whatever the answers take (latency is measured from
 * the intended send time, so a slow server cannot hide its queue: coordinated omission corrected).
 * Closed model: `target` virtual users, each sending its next request when the last one is answered.
 */
export type LoadModel = 'open' | 'closed';

/** A stretch of the run at one level: requests per second (open) or virtual users (closed). */
export interface Stage {
  name: string;
  durationMs: number;
  target: number;
}

export interface LoadPlan {
  model: LoadModel;
  stages: Stage[];
  mix: MixEntry[];
  /** Connections over all workers (closed model: one per virtual user, whatever this says). */
  connections: number;
  /** Per-request limit for connect, headers and body; a dead target costs at most this. */
  timeoutMs: number;
  /** Worker threads generating load; defaults to the number of cores, one fewer for a loopback target (see defaultWorkerCount). */
  workers?: number;
  /** Open model: requests allowed in flight per worker before new arrivals are counted as dropped. */
  maxInFlight?: number;
  seed: number;
  /** Accept any TLS certificate (`--insecure`: self-signed test servers). */
  insecure?: boolean;
  /** Closed model: each virtual user pauses this long (uniformly drawn in [minMs, maxMs]) after each answer or scenario iteration. */
  thinkTime?: ThinkTime;
}

/** A pause between a virtual user's turns; `minMs === maxMs` for a fixed pause. */
export interface ThinkTime {
  minMs: number;
  maxMs: number;
}

/** Counts of one operation in one second (or summed): what the histogram alone does not say. */
export interface Counters {
  requests: number;
  /** Responses by class: `2xx`, `3xx`, `4xx`, `5xx` (`1xx` and oddities under `other`). */
  statusClasses: Record<string, number>;
  /** Transport failures by code: `ECONNREFUSED`, `UND_ERR_HEADERS_TIMEOUT`, ... */
  transportErrors: Record<string, number>;
  bytesReceived: number;
}

/** What a worker sends once a second: per completion-second, per operation, counters and an encoded histogram. */
export interface WindowMessage {
  type: 'window';
  worker: number;
  windows: { second: number; operation: string; counters: Counters; histogram: string }[];
  inFlight: number;
  dropped: number;
}

export interface DoneMessage {
  type: 'done';
  worker: number;
  /** Requests handed to the HTTP client (answered, failed or interrupted). */
  sent: number;
  /** Requests still unanswered when the grace period after the last stage ended. */
  interrupted: number;
  dropped: number;
  /** Open model: encoded histogram of time from the actual send (not the intended one). */
  serviceTime?: string;
  /** Mixes with scenarios: this worker's iteration counts (see scenario-stats.ts). */
  scenarios?: EncodedScenarioCounts[];
}

/** Sent once the worker's code is loaded: the run starts when every worker is ready. */
export interface ReadyMessage {
  type: 'ready';
  worker: number;
}

export type WorkerMessage = ReadyMessage | WindowMessage | DoneMessage;

/** Handed to each worker thread as `workerData`. */
export interface WorkerConfig {
  index: number;
  model: LoadModel;
  /** This worker's share of each stage's target. */
  stages: Stage[];
  mix: MixEntry[];
  connections: number;
  timeoutMs: number;
  insecure: boolean;
  thinkTime?: ThinkTime;
  maxInFlight: number;
  seed: number;
  /** `Date.now()` at which the first stage starts, shared by all workers so seconds line up (sent with the start message). */
  startAt: number;
  /** Open model: this worker's arrivals are shifted by this fraction (0..1) of an interval, so workers interleave. */
  phase: number;
}
