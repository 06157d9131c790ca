// Benchmark of the load engine against the tools people trust, on one machine, same server, same
// connection count, runs interleaved (A/B/A/B...) so drift in the machine's load hits both sides:
//   1. maximum throughput: Sentinel's closed model (virtual users = connections, no think time) vs
//      autocannon (child process) and, when installed, wrk (-t = Sentinel's worker count);
//   2. latency at a fixed rate: Sentinel's open model vs autocannon -R -C, p50 and p99. Like with like:
//      autocannon -R is not an open model (each connection sends its share of the second back to back,
//      then waits for the next second) and its coordinated-omission correction assumes a 1 ms interval
//      whatever the rate, so -C (raw times from the actual send, whole milliseconds) is compared with
//      Sentinel's time from the actual send; Sentinel's corrected percentiles are printed beside them.
// Sentinel's workers default to what `sentinel perf` would use (one fewer than the cores for a loopback
// target); wrk gets as many threads (-t) as Sentinel has workers, autocannon runs in one thread.
// Prints medians over the rounds, the spread (noise), and ratios. `--soak` runs Sentinel alone for
// 10 minutes (or --soak-minutes) at a fixed rate and prints the process RSS at start and end.
//
//   npx tsx bench/load-engine.ts [--rounds 3] [--duration 5] [--connections 32] [--rate N (default: 30% of autocannon's warm-up throughput; soak 200)] [--workers N] [--soak [--soak-minutes 10]]
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { runLoad } from '../src/execution/load/engine.js';
import { defaultWorkerCount } from '../src/execution/load/schedule.js';
import type { LoadPlan, MixEntry } from '../src/execution/load/types.js';

const args = process.argv.slice(2);
if (args.includes('--help')) {
  const usage = readFileSync(new URL(import.meta.url), 'utf8').split('\n').filter((line) => line.startsWith('//'));
  console.log(usage.map((line) => line.slice(3)).join('\n'));
  process.exit(0);
}
const option = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const ROUNDS = option('rounds', 3);
const DURATION_S = option('duration', 5);
const CONNECTIONS = option('connections', 32);
// The fixed rate must be one the server sustains, or both tools only measure its queue: by default 30% of
// the throughput autocannon reaches in the warm-up run.
let RATE = option('rate', 0);
const SOAK = args.includes('--soak');
const SOAK_MINUTES = option('soak-minutes', 10);
const mixFor = (url: string): MixEntry[] => [{ operation: 'GET /', weight: 1, requests: [{ method: 'GET', url, headers: {}, operation: 'GET /' }] }];
const WORKERS = option('workers', defaultWorkerCount(mixFor('http://127.0.0.1/'), availableParallelism()));

const SERVER = `
const http = require('node:http');
const server = http.createServer((request, response) => {
  response.setHeader('content-type', 'text/plain');
  response.end('hello world');
});
server.keepAliveTimeout = 60000;
server.listen(0, '127.0.0.1', () => process.stdout.write(server.address().port + '\\n'));
`;

async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout!.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}/`, child };
}

function plan(url: string, overrides: Partial<LoadPlan>): LoadPlan {
  return {
    model: 'closed',
    stages: [{ name: 'bench', durationMs: DURATION_S * 1000, target: CONNECTIONS }],
    mix: mixFor(url),
    connections: CONNECTIONS,
    timeoutMs: 5000,
    seed: 1,
    workers: WORKERS,
    ...overrides,
  };
}

async function sentinelMax(url: string): Promise<number> {
  const result = await runLoad(plan(url, {}));
  return result.overall.requests / DURATION_S;
}

async function sentinelAtRate(url: string): Promise<{ p50: number; p99: number; serviceP50: number; serviceP99: number }> {
  const result = await runLoad(plan(url, { model: 'open', stages: [{ name: 'bench', durationMs: DURATION_S * 1000, target: RATE }] }));
  return { p50: result.overall.latency.p50, p99: result.overall.latency.p99, serviceP50: result.serviceTime?.p50 ?? 0, serviceP99: result.serviceTime?.p99 ?? 0 };
}

const autocannonBin = join(dirname(createRequire(import.meta.url).resolve('autocannon/package.json')), 'autocannon.js');

function autocannon(url: string, extra: string[]): { requests: { total: number }; latency: { p50: number; p99: number }; duration: number } {
  const output = execFileSync(process.execPath, [autocannonBin, '-c', String(CONNECTIONS), '-d', String(DURATION_S), '-j', ...extra, url], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(output);
}

function wrkAvailable(): boolean {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (error) {
    // wrk --version exits 1 after printing its version; only a missing binary throws ENOENT.
    return (error as NodeJS.ErrnoException).code !== 'ENOENT';
  }
}

function wrkMax(url: string): number {
  const output = execFileSync('wrk', [`-t${WORKERS}`, `-c${CONNECTIONS}`, `-d${DURATION_S}s`, url], { encoding: 'utf8' });
  const match = /Requests\/sec:\s+([\d.]+)/.exec(output);
  if (!match) throw new Error(`cannot read wrk output:\n${output}`);
  return Number(match[1]);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function spread(values: number[]): string {
  const m = median(values);
  const low = Math.min(...values);
  const high = Math.max(...values);
  return `median ${m.toFixed(2)} (min ${low.toFixed(2)}, max ${high.toFixed(2)}, spread ±${(((high - low) / 2 / m) * 100).toFixed(0)}%)`;
}

async function comparison(url: string): Promise<void> {
  const hasWrk = wrkAvailable();
  // Warms the server's JIT so the first measured round is not penalized, and sizes the fixed rate.
  const warm = autocannon(url, []);
  if (RATE === 0) RATE = Math.max(10, Math.round((0.3 * warm.requests.total) / warm.duration / 10) * 10);
  console.log(`load-engine bench: ${ROUNDS} rounds x ${DURATION_S}s, ${CONNECTIONS} connections, ${WORKERS} Sentinel workers, fixed rate ${RATE} req/s; wrk ${hasWrk ? 'found' : 'not installed'}`);
  const sentinel: number[] = [];
  const cannon: number[] = [];
  const wrk: number[] = [];
  const ours: Awaited<ReturnType<typeof sentinelAtRate>>[] = [];
  const theirs: { p50: number; p99: number }[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    sentinel.push(await sentinelMax(url));
    const max = autocannon(url, []);
    cannon.push(max.requests.total / max.duration);
    if (hasWrk) wrk.push(wrkMax(url));
    ours.push(await sentinelAtRate(url));
    const fixed = autocannon(url, ['-R', String(RATE), '-C']);
    theirs.push({ p50: fixed.latency.p50, p99: fixed.latency.p99 });
    console.log(
      `round ${round}: max req/s sentinel ${sentinel.at(-1)!.toFixed(0)}, autocannon ${cannon.at(-1)!.toFixed(0)}${hasWrk ? `, wrk ${wrk.at(-1)!.toFixed(0)}` : ''}; ` +
        `at ${RATE}/s p50/p99 ms from the actual send: sentinel ${ours.at(-1)!.serviceP50}/${ours.at(-1)!.serviceP99}, autocannon -C ${theirs.at(-1)!.p50}/${theirs.at(-1)!.p99}; sentinel corrected ${ours.at(-1)!.p50}/${ours.at(-1)!.p99}`,
    );
  }
  console.log('');
  console.log(`max throughput sentinel   req/s: ${spread(sentinel)}`);
  console.log(`max throughput autocannon req/s: ${spread(cannon)}`);
  if (hasWrk) console.log(`max throughput wrk        req/s: ${spread(wrk)}`);
  const ratio = (a: number[], b: number[]) => (median(a) / median(b)).toFixed(3);
  console.log(`ratio throughput sentinel/autocannon: ${ratio(sentinel, cannon)} (goal >= 0.9)`);
  if (hasWrk) console.log(`ratio throughput sentinel/wrk:        ${ratio(sentinel, wrk)} (goal >= 0.8)`);
  const pick = <T>(list: T[], key: keyof T) => list.map((entry) => entry[key] as number);
  const ms = (list: number[]) => median(list).toFixed(3);
  console.log(`at ${RATE} req/s, medians ms p50/p99: sentinel from the actual send ${ms(pick(ours, 'serviceP50'))}/${ms(pick(ours, 'serviceP99'))}, autocannon -C ${ms(pick(theirs, 'p50'))}/${ms(pick(theirs, 'p99'))}, sentinel corrected ${ms(pick(ours, 'p50'))}/${ms(pick(ours, 'p99'))}`);
  console.log(`at ${RATE} req/s, from the actual send: p50 ratio sentinel/autocannon ${ratio(pick(ours, 'serviceP50'), pick(theirs, 'p50'))}, p99 ratio ${ratio(pick(ours, 'serviceP99'), pick(theirs, 'p99'))} (goal: within 10%; autocannon rounds to whole ms)`);
}

async function soak(url: string): Promise<void> {
  const minutes = SOAK_MINUTES;
  if (RATE === 0) RATE = 200;
  console.log(`soak: Sentinel alone, open model at ${RATE} req/s for ${minutes} min, ${WORKERS} workers`);
  const rss: { at: number; mb: number }[] = [];
  const result = await runLoad(plan(url, { model: 'open', stages: [{ name: 'soak', durationMs: minutes * 60_000, target: RATE }] }), {
    onProgress: (progress) => {
      if (progress.elapsedMs % 10_000 < 1000) rss.push({ at: Math.round(progress.elapsedMs / 1000), mb: process.memoryUsage.rss() / 1024 / 1024 });
      return undefined;
    },
  });
  const first = rss.find((sample) => sample.at >= 10) ?? rss[0]!;
  const last = rss.at(-1)!;
  console.log(`requests ${result.overall.requests}, errors ${result.overall.errors}, p50 ${result.overall.latency.p50} ms, p99 ${result.overall.latency.p99} ms`);
  console.log(`RSS at ${first.at}s: ${first.mb.toFixed(1)} MB; at ${last.at}s: ${last.mb.toFixed(1)} MB (growth ${(last.mb - first.mb).toFixed(1)} MB)`);
  console.log(`RSS samples (s:MB): ${rss.map((sample) => `${sample.at}:${sample.mb.toFixed(0)}`).join(' ')}`);
}

const server = await startServer();
// The server is a separate process: it must not outlive an interrupted benchmark.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.child.kill();
    process.exit(130);
  });
}
try {
  if (SOAK) await soak(server.url);
  else await comparison(server.url);
} finally {
  server.child.kill();
}
