// Progress of a run, as a handler of the engine's events: a bar on a terminal, plain lines elsewhere
// (CI logs), always on stderr so stdout carries only the summary.
import cliProgress from 'cli-progress';
import type { RunEvent, RunEventHandler } from '../core/events.js';

export interface ProgressOptions {
  stream: NodeJS.WriteStream;
  /** Plain lines: at most one per this many ms (and one at the end). */
  lineIntervalMs?: number;
}

interface Counts {
  done: number;
  total: number;
  requests: number;
  findings: number;
  transportErrors: number;
}

export function createProgress(options: ProgressOptions): RunEventHandler {
  const counts: Counts = { done: 0, total: 0, requests: 0, findings: 0, transportErrors: 0 };
  const output = options.stream.isTTY ? barOutput(options.stream) : lineOutput(options.stream, options.lineIntervalMs ?? 2000);
  return (event: RunEvent) => {
    switch (event.type) {
      case 'run.started':
        counts.total = event.plannedCases + event.plannedScenarios;
        output.start(counts, event.operations);
        return;
      case 'exchange':
        counts.requests += 1;
        if (event.exchange.error !== undefined) counts.transportErrors += 1;
        return;
      case 'case.finished':
      case 'scenario.finished':
        counts.done += 1;
        counts.findings = event.findings ?? counts.findings;
        output.update(counts);
        return;
      case 'run.finished':
        counts.findings = event.result.summary.findings;
        output.stop(counts);
        return;
      default:
        return;
    }
  };
}

interface Output {
  start(counts: Counts, operations: number): void;
  update(counts: Counts): void;
  stop(counts: Counts): void;
}

function barOutput(stream: NodeJS.WriteStream): Output {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: '{bar} {value}/{total} cases | {requests} requests | {findings} findings | {errors} no response',
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  const payload = (c: Counts) => ({ requests: c.requests, findings: c.findings, errors: c.transportErrors });
  return {
    start: (c) => bar.start(c.total, 0, payload(c)),
    update: (c) => bar.update(c.done, payload(c)),
    stop: (c) => {
      bar.update(c.done, payload(c));
      bar.stop();
    },
  };
}

function lineOutput(stream: NodeJS.WriteStream, intervalMs: number): Output {
  let last = 0;
  const line = (c: Counts) => `progress: ${c.done}/${c.total} cases, ${c.requests} requests, ${c.findings} findings, ${c.transportErrors} without response\n`;
  return {
    start: (c, operations) => {
      last = Date.now();
      stream.write(`sentinel: ${operations} operations, ${c.total} cases and scenarios planned\n`);
    },
    update: (c) => {
      if (Date.now() - last < intervalMs) return;
      last = Date.now();
      stream.write(line(c));
    },
    stop: (c) => stream.write(line(c)),
  };
}
