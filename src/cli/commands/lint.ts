// `sentinel lint <spec>`: load the description, run the Spec-Linter, print one format, exit by --fail-on.
import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from 'commander';
import { EXIT_FINDINGS, EXIT_OK, SentinelError } from '../../core/errors.js';
import { loadSpec } from '../../spec/load.js';
import { LINT_FORMATTERS, type LintFormat } from '../../spec/lint/format/index.js';
import { LINT_RULES, lintModel, lintSeverityRank, locateFindings, type LintResult, type LintSeverity } from '../../spec/lint/index.js';

const FAIL_ON_LEVELS = ['error', 'warn'] as const;

function parseFormat(value: string): LintFormat {
  if (Object.hasOwn(LINT_FORMATTERS, value)) return value as LintFormat;
  throw new SentinelError('usage', `lint: --format must be one of ${Object.keys(LINT_FORMATTERS).join(', ')} (got "${value}")`);
}

function parseFailOn(value: string): LintSeverity {
  if ((FAIL_ON_LEVELS as readonly string[]).includes(value)) return value as LintSeverity;
  throw new SentinelError('usage', `lint: --fail-on must be one of ${FAIL_ON_LEVELS.join(', ')} (got "${value}")`);
}

/** SARIF wants a URI: URLs stay, files below the working directory become relative paths. */
export function artifactUriFor(source: string, cwd = process.cwd()): string {
  if (/^https?:\/\//i.test(source)) return source;
  if (source === '-') return 'stdin';
  const absolute = resolve(cwd, source);
  const fromCwd = relative(cwd, absolute);
  if (fromCwd.startsWith('..') || fromCwd === '') return pathToFileURL(absolute).href;
  return encodeURI(fromCwd.split(sep).join('/')).replace(/[?#]/g, encodeURIComponent);
}

/** Adds line numbers from the text of a file or stdin; URLs are not fetched a second time. */
async function withLineNumbers(result: LintResult, spec: string, stdinText: string | undefined): Promise<LintResult> {
  let text = stdinText;
  if (text === undefined && !/^https?:\/\//i.test(spec)) text = await readFile(spec, 'utf8').catch(() => undefined);
  return text === undefined ? result : { ...result, findings: locateFindings(result.findings, text) };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function registerLint(program: Command): void {
  program
    .command('lint')
    .description('Check an API description for testability (LLM-readiness) and OWASP API Top 10 (2023) issues')
    .argument('<spec>', 'OpenAPI 3.x or Swagger 2.0 description: a file path, an http(s) URL, or - for stdin')
    .option('--format <format>', 'output format: text, json or sarif', 'text')
    .option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity: error or warn', 'error')
    .option('--insecure', "fetch an https description without verifying the server's TLS certificate")
    .action(async (spec: string, flags: { format: string; failOn: string; insecure?: boolean }) => {
      const format = parseFormat(flags.format);
      const failOn = parseFailOn(flags.failOn);
      const stdinText = spec === '-' ? await readStdin() : undefined;
      const model = await loadSpec(spec, { ...(stdinText === undefined ? {} : { stdin: stdinText }), insecure: flags.insecure === true });
      const result = await withLineNumbers(lintModel(model), spec, stdinText);
      process.stdout.write(LINT_FORMATTERS[format](result, {
        source: spec,
        artifactUri: artifactUriFor(spec),
        operationCount: model.operations.length,
        rules: LINT_RULES,
        toolVersion: program.version() ?? '0.0.0',
      }));
      const failing = result.findings.some((finding) => lintSeverityRank(finding.severity) >= lintSeverityRank(failOn));
      process.exitCode = failing ? EXIT_FINDINGS : EXIT_OK;
    });
}
