// Shared by the hostile HTTP cases (`http-*.test.ts`): small misbehaving servers on 127.0.0.1 (node:http for
// answers that are valid HTTP, node:net for bytes that are not), a description to point Sentinel at, and
// the built CLI spawned as a user runs it, with its peak memory (VmHWM) sampled from /proc while it runs.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { CLI, ROOT } from '../support/cli.js';

// `npm test` builds the CLI before Vitest starts; run `npm run build` first when running a file alone.

/**
 * Peak memory (VmHWM) a run may reach whatever the target sends: the figure the README states. Measured:
 * an ordinary run peaks near 160 MB, a run whose every answer is cut at the 1 MB cap (200 MB bodies, gzip
 * bombs) at 260-290 MB, 150,000 nested arrays at 190 MB; what the target sends beyond the cap costs nothing.
 */
export const PEAK_MEMORY_MB = 400;

export interface HostileServer {
  url: string;
  /** Requests (http) or connections (net) received so far. */
  hits: () => number;
  close: () => Promise<void>;
}

/** A node:http server answering with `handle`; closed (connections too) after the file's tests. */
export async function httpServer(handle: (request: IncomingMessage, response: ServerResponse, hit: number) => void): Promise<HostileServer> {
  let hits = 0;
  const server = createHttpServer((request, response) => {
    hits += 1;
    response.on('error', () => undefined);
    handle(request, response, hits);
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const close = async () => {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  };
  afterAll(close);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => hits, close };
}

/** A node:net server: `answer` gets each connection's socket once its first bytes (a request's head) arrive. */
export async function rawServer(answer: (socket: Socket, connection: number) => void): Promise<HostileServer> {
  let hits = 0;
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    hits += 1;
    const connection = hits;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    socket.once('data', () => answer(socket, connection));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const close = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((done) => server.close(done));
  };
  afterAll(close);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits: () => hits, close };
}

/** A folder for the case's description and reports, removed after the file's tests. */
export function workDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sentinel-hostile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * A description of `operations` GET operations (`/items0`, `/items1`...) answering JSON objects, each with
 * two query parameters so the negative agent has something to vary: `--agents positive` sends
 * `operations x examples` requests, the default agents a few dozen per operation.
 */
export function writeSpec(dir: string, operations = 1): string {
  const paths = Array.from({ length: operations }, (_, index) => `  /items${index}:
    get:
      operationId: list${index}
      parameters:
        - { name: q, in: query, schema: { type: string, maxLength: 10 } }
        - { name: n, in: query, schema: { type: integer, minimum: 1, maximum: 9 } }
      responses:
        '200':
          description: ok
          content: { application/json: { schema: { type: object } } }
        '400': { description: bad input }`).join('\n');
  const file = join(dir, 'hostile.yaml');
  writeFileSync(file, `openapi: 3.0.3\ninfo: { title: hostile, version: '1' }\npaths:\n${paths}\n`);
  return file;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Wall time of the whole command. */
  ms: number;
  /** Peak resident memory of the CLI process (VmHWM), in MB. */
  peakMb: number;
}

/** Runs the built `sentinel <args>`, killing it after `limitMs`; samples its VmHWM every 20 ms. */
export function sentinel(args: string[], limitMs = 60_000): Promise<CliRun> {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakKb = 0;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    // Between fork and exec the child is a copy of this test process: only the CLI's own samples count.
    let execd = false;
    const sample = () => {
      try {
        execd ||= readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').includes(CLI);
        if (!execd) return;
        const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (match) peakKb = Math.max(peakKb, Number(match[1]));
      } catch {
        // Gone between two samples: the last one stands (VmHWM only grows).
      }
    };
    const sampler = setInterval(sample, 20);
    const killer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.on('close', (code) => {
      clearInterval(sampler);
      clearTimeout(killer);
      done({ code, stdout, stderr, ms: performance.now() - started, peakMb: peakKb / 1024 });
    });
  });
}

/** `sentinel run` of the positive agent only, `examples` requests per operation, fixed seed. */
export function runArgs(spec: string, url: string, ...extra: string[]): string[] {
  return ['run', spec, '--base-url', url, '--agents', 'positive', '--seed', '1', ...extra];
}

/** The lines Sentinel wrote on stderr that start with `sentinel:` (its one-line errors). */
export function errorLines(run: CliRun): string[] {
  return run.stderr.split('\n').filter((line) => line.startsWith('sentinel:'));
}
