// Starts the built CLI the way a user does (`node dist/cli/main.js ...`), from the checkout's root unless
// told otherwise, and builds it once before a suite. Every test that runs the CLI goes through here.
import { execFile, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, expect } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CLI = resolve(ROOT, 'dist/cli/main.js');

export interface Run { code: number | null; stdout: string; stderr: string }

export interface RunOptions {
  /** Text on the standard input (empty when not given). */
  stdin?: string;
  /** Working directory (default: the checkout's root). */
  cwd?: string;
  /** Killed after this long (default 60 s). */
  timeoutMs?: number;
}

/** Runs `sentinel <args>`; `code` is null when the process was killed (a timeout). */
export function sentinel(args: string[], options: RunOptions = {}): Promise<Run> {
  return new Promise((done) => {
    const child = execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: options.cwd ?? ROOT, maxBuffer: 64 * 1024 * 1024, timeout: options.timeoutMs ?? 60_000 },
      (error, stdout, stderr) => {
        done({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      },
    );
    child.stdin?.end(options.stdin ?? '');
  });
}

/** Starts `sentinel <args>` and hands back the process, for tests that signal it while it runs. */
export function spawnSentinel(args: string[], options: Pick<RunOptions, 'cwd'> = {}): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], { cwd: options.cwd ?? ROOT });
}

/** Builds the CLI before the suite's tests run. */
export function buildCliBeforeAll(): void {
  beforeAll(() => {
    // tsc still emits when another file has a type error; what matters is the built CLI.
    spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'ignore' });
    expect(existsSync(CLI)).toBe(true);
  }, 180_000);
}
