#!/usr/bin/env node
// `npm run demo`: starts the example Shop API with its seeded defects on 127.0.0.1 (ephemeral port), runs
// the built Sentinel CLI against it with the example's identities, streams Sentinel's output, stops the API.
//   node examples/demo.mjs [--clean] [more sentinel run flags, e.g. --report json=report.json]
// --clean runs against the defect-free twin instead, where Sentinel should find nothing.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startExampleApi } from './shop-api/app.mjs';
import { SEEDED_DEFECTS } from './shop-api/seeded-defects.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const spec = fileURLToPath(new URL('./shop-api/openapi.yaml', import.meta.url));
const config = fileURLToPath(new URL('./shop-api/sentinel.config.yaml', import.meta.url));

const args = process.argv.slice(2);
const clean = args.includes('--clean');
const forwarded = args.filter((arg) => arg !== '--clean');

if (!existsSync(cli)) {
  process.stderr.write(`demo: ${cli} does not exist; build Sentinel first (npm run build, or npm run demo)\n`);
  process.exit(2);
}

const api = await startExampleApi({ defects: !clean });
process.stdout.write(`demo: example Shop API (${clean ? 'clean twin' : 'with seeded defects'}) on ${api.url}\n`);
const command = ['run', spec, '--base-url', api.url, '--config', config, ...forwarded];
process.stdout.write(`demo: sentinel ${command.map((part) => part.replace(root, '')).join(' ')}\n\n`);
// The JSON report tells which seeded defects were found: the user's own (--report json=PATH), else one
// of ours in a temporary folder (kept for the curious). Sentinel writes one report per format.
const userReport = userJsonReport(forwarded);
// Sentinel runs in the demo's own working directory, so a relative path is relative to it.
const reportPath = userReport === undefined ? join(mkdtempSync(join(tmpdir(), 'sentinel-demo-')), 'report.json') : resolve(userReport);
if (userReport === undefined) command.push('--report', `json=${reportPath}`);

const child = spawn(process.execPath, [cli, ...command], { stdio: 'inherit' });
const stop = () => child.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
const code = await new Promise((resolve) => child.on('close', (exitCode, signal) => resolve(exitCode ?? (signal ? 130 : 2))));
await api.close();

if (!clean && existsSync(reportPath)) process.stdout.write(`\n${coverage(JSON.parse(readFileSync(reportPath, 'utf8')).findings)}`);
process.stdout.write(`\n${verdict(code, clean)}\n`);
process.exit(demoExitCode(code, clean));

/**
 * The path of a `--report json=PATH` (or `--report=json=PATH`) among the flags given to the demo.
 * @param {string[]} flags
 */
function userJsonReport(flags) {
  for (let index = 0; index < flags.length; index += 1) {
    const value = flags[index] === '--report' ? flags[index + 1] : flags[index].startsWith('--report=') ? flags[index].slice('--report='.length) : undefined;
    if (value?.startsWith('json=')) return value.slice('json='.length);
  }
  return undefined;
}

/**
 * Which seeded defects (examples/README.md) the findings cover, by check and operation.
 * @param {{ check: string, operation: string }[]} findings
 */
function coverage(findings) {
  const missed = SEEDED_DEFECTS.filter((defect) => !findings.some((f) => f.check === defect.check && defect.operations.includes(f.operation)));
  const lines = [`demo: seeded defects found: ${SEEDED_DEFECTS.length - missed.length} of ${SEEDED_DEFECTS.length}`];
  for (const defect of missed) lines.push(`demo:   missed: ${defect.check} on ${defect.operations[0]} (${defect.defect})`);
  return `${lines.join('\n')}\n`;
}

/**
 * Sentinel exits 0 when nothing is found, 1 when there are findings, 2 on a usage, spec or connection
 * error. Against the defective API, findings (1) are the demo working; against the clean twin, 0 is.
 * @param {number} code
 * @param {boolean} cleanTwin
 */
function verdict(code, cleanTwin) {
  if (code === 2) return 'demo: Sentinel exited 2: it could not run (see the error above).';
  if (cleanTwin) {
    return code === 0
      ? 'demo: Sentinel exited 0: no findings against the clean twin, as expected.'
      : 'demo: Sentinel exited 1: findings against the clean twin are false alarms (see above).';
  }
  return code === 1
    ? 'demo: Sentinel exited 1 because it found defects: that is the demo succeeding (examples/README.md lists the seeded ones).'
    : 'demo: Sentinel exited 0: it found none of the seeded defects, so the demo failed.';
}

/** The demo's own exit code: 0 when Sentinel behaved as expected for this target. */
function demoExitCode(code, cleanTwin) {
  if (code === 2 || code > 2) return 2;
  const expected = cleanTwin ? 0 : 1;
  return code === expected ? 0 : 1;
}
