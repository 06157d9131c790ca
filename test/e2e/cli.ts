// Starts the built CLI the way a user does (`node dist/cli/main.js ...`) from the checkout's root, and
// builds it once before a suite. Shared by the *-cli.test.ts files.
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, expect } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CLI = resolve(ROOT, 'dist/cli/main.js');

export interface Run { code: number | null; stdout: string; stderr: string }

/** Runs `sentinel <args>` with `stdin` on its standard input (empty when not given). */
export function sentinel(args: string[], stdin?: string): Promise<Run> {
  return new Promise((done) => {
    const child = execFile('node', [CLI, ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, timeout: 60_000 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
    child.stdin?.end(stdin ?? '');
  });
}

/** Builds the CLI before the suite's tests run. */
export function buildCliBeforeAll(): void {
  beforeAll(() => {
    // tsc still emits when another file has a type error; what matters is the built CLI.
    spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'ignore' });
    expect(existsSync(CLI)).toBe(true);
  }, 180_000);
}
