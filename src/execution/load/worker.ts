// A load-generating worker thread: runs its share of the plan (open or closed model), records latencies
// per second and operation, reports a window every second and a last one when done.
import { parentPort, workerData } from 'node:worker_threads';
import { LoadClient, toDispatchable, type CaptureSpec, type DispatchableRequest } from './load-client.js';
import { createMixPicker, seededRandom } from './mix.js';
import { compileScenario, isScenarioEntry, type CompiledScenario } from './scenario.js';
import { ScenarioRunner, type StepAnswer } from './scenario-runner.js';
import { WindowRecorder } from './recorder.js';
import { createArrivals, totalDurationMs } from './schedule.js';
import { createHistogram, encodeHistogram, recordMicros } from './histogram.js';
import { warmUp, warmUpRequestsOf } from './warm-up.js';
import type { WorkerConfig, WorkerMessage } from './types.js';

// `startAt` arrives with the start message, once every worker is loaded and ready.
const config = { ...(workerData as Omit<WorkerConfig, 'startAt'>), startAt: 0 } as WorkerConfig;
const port = parentPort!;
const now = () => performance.timeOrigin + performance.now();

const client = new LoadClient(config.connections, config.timeoutMs, config.insecure);
const recorder = new WindowRecorder();
// Open model only: time from the actual send, to compare with tools that do not correct coordinated omission.
const serviceTime = createHistogram();
/** What the picker yields: a single request, or a scenario whose every step an arrival or turn runs. */
type MixItem = DispatchableRequest | CompiledScenario;
const items = config.mix.map((entry): { weight: number; requests: MixItem[] } => ({
  weight: entry.weight,
  requests: isScenarioEntry(entry) ? [compileScenario(entry)] : entry.requests.map(toDispatchable),
}));
const picker = createMixPicker<MixItem>(items, config.seed + config.index * 7919);
const hasScenarios = config.mix.some(isScenarioEntry);
const endMs = totalDurationMs(config.stages);
// Requests still unanswered this long after the end are reported as interrupted, not waited for.
const graceMs = Math.min(config.timeoutMs, 3000);
/** The transport error code of a request still unanswered when the run ended. */
const CUT_OFF = 'cut_off';

let inFlight = 0;
/** Requests sent and not yet answered: those still waiting at the end are recorded as cut off. */
const waiting = new Set<{ operation: string; offsetMs: number }>();
let sent = 0;
let dropped = 0;
let issuing = true;
/** An early stop (threshold, Ctrl-C): scenarios in progress send no further step. */
let stopRequested = false;
/** Stage and start timers: a handful per run. */
const timers: NodeJS.Timeout[] = [];
/** The open model's next tick: one at a time, replaced rather than collected (a soak ticks millions of times). */
let tickTimer: NodeJS.Timeout | undefined;

/** `offsetMs`: when the request was meant to go, from the run's start; latency is measured from it. */
function send(request: DispatchableRequest, offsetMs: number, then: StepAnswer): void {
  inFlight++;
  sent++;
  const sentAt = now();
  const entry = { operation: request.operation, offsetMs };
  waiting.add(entry);
  client.send(request, (status, bytes, errorCode) => {
    // Already recorded as cut off by the end of the run.
    if (!waiting.delete(entry)) return;
    record(request.operation, offsetMs, sentAt, status, bytes, errorCode);
    then(status, errorCode);
  });
}

/** A scenario step whose answer gives values to later steps: the client keeps what `capture` asks for. */
function sendCapturing(request: DispatchableRequest, capture: CaptureSpec, offsetMs: number, then: StepAnswer): void {
  inFlight++;
  sent++;
  const sentAt = now();
  const entry = { operation: request.operation, offsetMs };
  waiting.add(entry);
  client.sendCapturing(request, capture, (status, bytes, errorCode, captured) => {
    if (!waiting.delete(entry)) return;
    record(request.operation, offsetMs, sentAt, status, bytes, errorCode);
    then(status, errorCode, captured);
  });
}

function record(operation: string, offsetMs: number, sentAt: number, status: number, bytes: number, errorCode: string | undefined): void {
  inFlight--;
  const completedAt = now();
  if (errorCode === undefined) {
    recorder.recordResponse(operation, offsetMs, completedAt - (config.startAt + offsetMs), status, bytes);
    if (config.model === 'open') recordMicros(serviceTime, completedAt - sentAt);
  } else {
    recorder.recordTransportError(operation, offsetMs, errorCode);
  }
}

const scenarios = new ScenarioRunner({
  send,
  sendCapturing,
  elapsed: () => now() - config.startAt,
  // Iterations in progress finish their steps after the last arrival, but never past the planned end.
  mayContinue: () => !stopRequested && now() < config.startAt + endMs,
});
const ignore = () => undefined;

/** Sends a picked request, or runs a picked scenario's iteration; `then` gets the (last) answer. */
function issue(item: MixItem, offsetMs: number, then: StepAnswer): void {
  if ('steps' in item) scenarios.run(item, offsetMs, then);
  else send(item, offsetMs, then);
}

/** The closed model's pause between a user's turns, drawn per turn; undefined: none (the next request goes at once). */
const think = (() => {
  const range = config.thinkTime;
  if (range === undefined) return undefined;
  const random = seededRandom(config.seed * 31 + config.index);
  return () => range.minMs + random() * (range.maxMs - range.minMs);
})();

function runClosed(): void {
  let desired = 0;
  const alive: boolean[] = [];
  const loop = (user: number) => {
    // The clock, not only the end timer, stops users: a late timer must not let them send past the end.
    if (!issuing || user >= desired || now() >= config.startAt + endMs) {
      alive[user] = false;
      return;
    }
    // Measured from the actual send: in a closed model the user waits, so nothing is omitted.
    issue(picker.next(), now() - config.startAt, (_status, errorCode) => {
      if (think !== undefined) setTimeout(loop, think(), user);
      else if (errorCode !== undefined) setImmediate(loop, user);
      else loop(user);
    });
  };
  const applyStage = (index: number) => {
    desired = config.stages[index]!.target;
    for (let user = 0; user < desired; user++) {
      if (!alive[user]) {
        alive[user] = true;
        loop(user);
      }
    }
  };
  let offset = 0;
  config.stages.forEach((stage, index) => {
    const delay = config.startAt + offset - now();
    timers.push(setTimeout(applyStage, Math.max(0, delay), index));
    offset += stage.durationMs;
  });
}

function runOpen(): void {
  const arrivals = createArrivals(config.stages, config.phase);
  let next = arrivals();
  const tick = () => {
    if (!issuing) return;
    const elapsed = now() - config.startAt;
    while (next !== undefined && next <= elapsed) {
      if (inFlight >= config.maxInFlight) dropped++;
      else issue(picker.next(), next, ignore);
      next = arrivals();
    }
    // The schedule, not a timer, ends an open run: a late tick still sends every arrival planned before the end.
    if (next === undefined) void finish();
    else tickTimer = setTimeout(tick, Math.max(0, next - (now() - config.startAt)));
  };
  tick();
}

function post(message: WorkerMessage): void {
  port.postMessage(message);
}

function flush(): void {
  post({ type: 'window', worker: config.index, windows: recorder.flush(), inFlight, dropped });
}

let finishing = false;
async function finish(): Promise<void> {
  if (finishing) return;
  finishing = true;
  issuing = false;
  for (const timer of timers) clearTimeout(timer);
  clearTimeout(tickTimer);
  const deadline = now() + graceMs;
  while (inFlight > 0 && now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  const interrupted = inFlight;
  // Every request sent is accounted for: one still unanswered is an error of the run, not left out of it.
  for (const entry of waiting) recorder.recordTransportError(entry.operation, entry.offsetMs, CUT_OFF);
  waiting.clear();
  if (flusher) clearInterval(flusher);
  flush();
  post({
    type: 'done',
    worker: config.index,
    sent,
    interrupted,
    dropped,
    serviceTime: config.model === 'open' ? encodeHistogram(serviceTime) : undefined,
    scenarios: hasScenarios ? scenarios.report() : undefined,
  });
  await client.destroy();
}

let flusher: NodeJS.Timeout | undefined;

function start(startAt: number): void {
  config.startAt = startAt;
  flusher = setInterval(flush, 1000);
  if (config.model === 'open') {
    timers.push(setTimeout(runOpen, Math.max(0, startAt - now())));
  } else {
    timers.push(setTimeout(() => void finish(), Math.max(0, startAt + endMs - now())));
    runClosed();
  }
}

port.on('message', (message: { type: string; startAt?: number }) => {
  if (message.type === 'start' && message.startAt !== undefined) start(message.startAt);
  if (message.type === 'stop') {
    stopRequested = true;
    void finish();
  }
});
// Ready only once warm, so the measured window starts with compiled code and a compiled HTTP parser.
const scratch = new WindowRecorder();
const scratchHistogram = createHistogram();
warmUp(
  warmUpRequestsOf(items.flatMap((item) => item.requests)),
  config.connections,
  (request, status, bytes) => {
    scratch.recordResponse(request.operation, 0, 1, status, bytes);
    recordMicros(scratchHistogram, 1);
  },
)
  .catch(() => 0)
  .then(() => {
    scratch.flush();
    post({ type: 'ready', worker: config.index });
  });
