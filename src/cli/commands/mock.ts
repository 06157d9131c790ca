// `sentinel mock <spec> <operationId> [-n 10] [--seed N]`: print realistic, schema-valid request
// datasets for one operation, as JSON.
import type { Command } from 'commander';
import { EXIT_OK, SentinelError } from '../../core/errors.js';
import { mockOperation } from '../../agents/mocking.js';
import type { PlannedRequest } from '../../core/test-case.js';
import { loadSpec } from '../../spec/load.js';
import type { ApiModel, Operation } from '../../spec/model.js';

const MAX_DATASETS = 10_000;

function parseCount(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > MAX_DATASETS) throw new SentinelError('usage', `mock: -n must be an integer from 1 to ${MAX_DATASETS} (got "${value}")`);
  return n;
}

function parseSeed(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 0xffffffff) throw new SentinelError('usage', `mock: --seed must be an integer from 0 to 4294967295 (got "${value}")`);
  return n;
}

/** Edit distance, for "did you mean" suggestions. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

export function closeMatches(wanted: string, candidates: string[], limit = 3): string[] {
  const needle = wanted.toLowerCase();
  return candidates
    .map((candidate) => {
      const hay = candidate.toLowerCase();
      const contains = hay.includes(needle) || needle.includes(hay);
      return { candidate, score: contains ? 0 : distance(needle, hay) / Math.max(needle.length, hay.length) };
    })
    .filter((entry) => entry.score <= 0.5)
    .sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate))
    .slice(0, limit)
    .map((entry) => entry.candidate);
}

/** By operationId, or by its key (`"POST /pets"`). */
export function findOperation(model: ApiModel, wanted: string): Operation {
  const found = model.operations.find((op) => op.operationId === wanted) ?? model.operations.find((op) => op.key.toLowerCase() === wanted.toLowerCase());
  if (found !== undefined) return found;
  const ids = model.operations.map((op) => op.operationId).filter((id): id is string => id !== undefined);
  const suggestions = closeMatches(wanted, ids);
  const hint = suggestions.length > 0 ? `; did you mean ${suggestions.map((s) => `"${s}"`).join(', ')}?` : ids.length === 0 ? '; the description declares no operationId (use "METHOD /path")' : '';
  throw new SentinelError('usage', `mock: no operation "${wanted}" in ${model.source}${hint}`);
}

/** A dataset as printed: only the parts the request has. */
function dataset(request: PlannedRequest): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const parts: [string, Record<string, unknown>][] = [['path', request.pathParams], ['query', request.query], ['headers', request.headers], ['cookies', request.cookies]];
  for (const [name, values] of parts) if (Object.keys(values).length > 0) out[name] = values;
  if (request.body !== undefined) {
    out.mediaType = request.body.mediaType;
    out.body = request.body.value;
  }
  return out;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function registerMock(program: Command): void {
  program
    .command('mock')
    .description('Print realistic, schema-valid request datasets (JSON) for one operation')
    .argument('<spec>', 'OpenAPI 3.x or Swagger 2.0 description: a file path, an http(s) URL, or - for stdin')
    .argument('<operationId>', 'the operation: its operationId, or "METHOD /path"')
    .option('-n, --count <n>', 'how many datasets', '10')
    .option('--seed <n>', 'the same seed gives the same datasets (default: random, printed on stderr)')
    .option('--insecure', "fetch an https description without verifying the server's TLS certificate")
    .action(async (spec: string, wanted: string, flags: { count: string; seed?: string; insecure?: boolean }) => {
      const count = parseCount(flags.count);
      const seed = flags.seed !== undefined ? parseSeed(flags.seed) : Math.floor(Math.random() * 0xffffffff);
      const model = spec === '-' ? await loadSpec('-', { stdin: await readStdin() }) : await loadSpec(spec, { insecure: flags.insecure === true });
      const operation = findOperation(model, wanted);
      const { requests, missing } = mockOperation(model, operation, count, seed);
      if (missing.length > 0) {
        throw new SentinelError('spec', `mock: ${operation.key}: no valid value could be generated for ${missing.join(', ')}`);
      }
      if (flags.seed === undefined) process.stderr.write(`seed: ${seed}\n`);
      process.stdout.write(`${JSON.stringify(requests.map(dataset), null, 2)}\n`);
      process.exitCode = EXIT_OK;
    });
}
