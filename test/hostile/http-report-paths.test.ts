// Report paths are checked before anything is sent: a path under /proc used to hang 30 s, a folder left
// a `.tmp` file behind, a parent that is a file said only `EEXIST`, each after the whole run. Now each is
// one accurate line, exit 2, in about the time the CLI takes to start, and the target gets no request.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorLines, httpServer, runArgs, sentinel, workDir, writeSpec } from './http-harness.js';

const dir = workDir();
mkdirSync(join(dir, 'folder'));
writeFileSync(join(dir, 'plain-file'), 'not a folder');

describe.each([
  ['a path under /proc', () => '/proc/self/sentinel-report.json', /\/proc\/self.* is on proc, a virtual file system, not storage/],
  ['a folder', () => join(dir, 'folder'), /cannot write: it is a folder \(give a file name\)/],
  ['a parent that is a file', () => join(dir, 'plain-file', 'report.json'), /plain-file is a file, so it cannot hold a folder/],
  ['a device', () => '/dev/null', /it is not a regular file/],
])('--report json= %s', (_name, path, reason) => {
  it('is refused before any request, with one line and exit 2', async () => {
    const server = await httpServer((_request, response) => response.end('{}'));
    const run = await sentinel(runArgs(writeSpec(dir), server.url, '--report', 'junit=' + join(dir, 'ok.xml'), '--report', `json=${path()}`));
    expect(run.code).toBe(2);
    const lines = errorLines(run);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^sentinel: --report json=\S+: cannot write: /);
    expect(lines[0]).toMatch(reason);
    expect(server.hits()).toBe(0);
    // The check leaves nothing behind: no temporary file, no half-written report.
    expect(readdirSync(join(dir, 'folder'))).toEqual([]);
    expect(existsSync(join(dir, 'ok.xml'))).toBe(false);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

it('sentinel perf checks its --report and --export paths the same way', async () => {
  const server = await httpServer((_request, response) => response.end('{}'));
  const run = await sentinel(['perf', writeSpec(dir), '--base-url', server.url, '--duration', '1s', '--export', `k6=${join(dir, 'plain-file', 'k6.js')}`]);
  expect(run.code).toBe(2);
  expect(errorLines(run)).toEqual([expect.stringMatching(/^sentinel: --export k6=\S+: cannot write: \S+plain-file is a file, so it cannot hold a folder$/)]);
  expect(server.hits()).toBe(0);
});
