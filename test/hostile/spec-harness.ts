// Shared by the hostile description cases (spec-*.test.ts): a scratch folder for generated descriptions,
// the built CLI started as a user does with its peak memory read from /proc, and small loopback servers.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CLI = resolve(ROOT, 'dist/cli/main.js');

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the CLI process (VmHWM), in MB. */
  peakMb: number;
  durationMs: number;
  /** From the SIGINT sent by `interruptAfterMs`/`interruptOn` to the exit. */
  afterInterruptMs?: number;
}

export interface CliOptions {
  /** Killed (and the test fails on its assertions) after this long. */
  timeoutMs?: number;
  /** Sends SIGINT this long after the start, as Ctrl-C would. */
  interruptAfterMs?: number;
  /** Sends SIGINT once standard error matches this. */
  interruptOn?: RegExp;
  /** V8 heap cap for the child, so a regression fails fast instead of swapping the machine. */
  maxOldSpaceMb?: number;
  cwd?: string;
}

/** Builds the CLI once per suite when it is missing (`npm test` builds first). */
export function buildCliBeforeAll(): void {
  beforeAll(() => {
    if (!existsSync(CLI)) spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'ignore' });
    expect(existsSync(CLI)).toBe(true);
  }, 180_000);
}

/** Runs `sentinel <args>`, sampling /proc/<pid>/status for the high-water mark of its memory. */
export function sentinel(args: string[], options: CliOptions = {}): Promise<CliRun> {
  const started = Date.now();
  const child = spawn('node', [`--max-old-space-size=${options.maxOldSpaceMb ?? 1024}`, CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let peakKb = 0;
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  let interruptedAt: number | undefined;
  const interruptNow = () => {
    if (interruptedAt !== undefined) return;
    interruptedAt = Date.now();
    child.kill('SIGINT');
  };
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (options.interruptOn?.test(stderr)) interruptNow();
  });
  const sample = () => {
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
    } catch {
      // the process is gone
    }
  };
  const sampler = setInterval(sample, 20);
  const killer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  const interrupt = options.interruptAfterMs === undefined ? undefined : setTimeout(interruptNow, options.interruptAfterMs);
  return new Promise((done) => {
    child.on('exit', (code, signal) => {
      clearInterval(sampler);
      clearTimeout(killer);
      if (interrupt) clearTimeout(interrupt);
      // 'exit' may come before the pipes are drained.
      const ended = Date.now();
      setImmediate(() => done({
        code, signal, stdout, stderr, peakMb: Math.round(peakKb / 1024), durationMs: ended - started,
        ...(interruptedAt !== undefined ? { afterInterruptMs: ended - interruptedAt } : {}),
      }));
    });
  });
}

/** A scratch folder removed after the suite. */
export function scratchDir(): { path: (name: string) => string; write: (name: string, text: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), 'sentinel-hostile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    path: (name) => join(dir, name),
    write: (name, text) => {
      const file = join(dir, name);
      writeFileSync(file, text);
      return file;
    },
  };
}

export interface LoopbackServer {
  url: string;
  requests: number;
  close(): Promise<void>;
}

/** A server on 127.0.0.1 (ephemeral port) answering with `handle`. */
export async function loopbackServer(handle: (request: IncomingMessage, response: ServerResponse) => void): Promise<LoopbackServer> {
  const server: Server = createServer((request, response) => {
    state.requests++;
    handle(request, response);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const state: LoopbackServer = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: 0,
    close: () => new Promise<void>((done) => {
      server.closeAllConnections();
      server.close(() => done());
    }),
  };
  return state;
}

/** The one line of a refused description: exit 2, nothing on stdout, one `sentinel: ...` line on stderr. */
export function expectOneLineError(run: CliRun, line: RegExp): void {
  if (!line.test(run.stderr.trimEnd())) console.error(`unexpected stderr (exit ${run.code}): ${run.stderr.slice(0, 500)}`);
  expect(run.stdout).toBe('');
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr.trimEnd()).toMatch(line);
  expect(run.code).toBe(2);
}

/** A minimal OpenAPI 3.0 description around `paths` and `components`, as JSON text. */
export function openapi(paths: Record<string, unknown>, components: Record<string, unknown> = {}): string {
  return JSON.stringify({ openapi: '3.0.3', info: { title: 'hostile', version: '1' }, paths, components });
}
