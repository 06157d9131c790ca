// Live progress of a load run on a terminal: one line rewritten each second. Nothing when not a TTY.
import type { LoadProgress } from '../../execution/load/run-load.js';

export function progressLine(progress: LoadProgress): string {
  const seconds = (ms: number) => `${Math.floor(ms / 1000)}s`;
  const overall = progress.overall;
  const parts = [
    `${seconds(progress.elapsedMs)}/${seconds(progress.totalMs)}`,
    progress.stage,
    `${progress.currentRps} req/s`,
    `${overall.requests} requests`,
    `errors ${(overall.errorRate * 100).toFixed(2)}%`,
    `p95 ${overall.latency.p95.toFixed(1)} ms`,
    `p99 ${overall.latency.p99.toFixed(1)} ms`,
    `in flight ${progress.inFlight}`,
  ];
  if (progress.dropped > 0) parts.push(`dropped ${progress.dropped}`);
  return parts.join(' | ');
}

export function createProgressPrinter(stream: NodeJS.WriteStream): { update(progress: LoadProgress): void; done(): void } {
  if (!stream.isTTY) return { update() {}, done() {} };
  let shown = false;
  return {
    update(progress) {
      const line = progressLine(progress).slice(0, Math.max(20, (stream.columns ?? 120) - 1));
      stream.write(`\r\x1b[2K${line}`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
