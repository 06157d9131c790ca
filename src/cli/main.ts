#!/usr/bin/env node
// The `sentinel` command. Each subcommand lives in its own file under commands/ and registers itself.
import { Command, CommanderError } from 'commander';
import { EXIT_ERROR, SentinelError } from '../errors.js';
import { registerLint } from './commands/lint.js';
import { registerRun } from './commands/run.js';
import { registerPerf } from './commands/perf.js';
import { registerMock } from './commands/mock.js';

const program = new Command('sentinel')
  .description('Test an HTTP API from its OpenAPI description')
  .version('0.1.0')
  .showHelpAfterError()
  .exitOverride();

registerLint(program);
registerRun(program);
registerPerf(program);
registerMock(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = exitCodeFor(error);
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander already printed its message; --help and --version exit 0.
    return error.exitCode === 0 ? 0 : EXIT_ERROR;
  }
  if (error instanceof SentinelError) {
    process.stderr.write(`sentinel: ${error.message}\n`);
    return EXIT_ERROR;
  }
  // An unexpected failure is still one line; SENTINEL_DEBUG=1 shows the stack.
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`sentinel: internal error: ${message}\n`);
  if (process.env.SENTINEL_DEBUG) process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
  return EXIT_ERROR;
}
