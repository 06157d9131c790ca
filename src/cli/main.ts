#!/usr/bin/env node
// The `sentinel` command. Each subcommand lives in its own file under commands/ and registers itself.
import { Command, CommanderError } from 'commander';
import { EXIT_ERROR, SentinelError } from '../core/errors.js';

type Register = (program: Command) => void;

// Loaded on demand: `sentinel lint` should not pay for the run engine's and faker's start-up cost.
const COMMANDS: Record<string, () => Promise<Register>> = {
  lint: async () => (await import('./commands/lint.js')).registerLint,
  run: async () => (await import('./commands/run.js')).registerRun,
  perf: async () => (await import('./commands/perf.js')).registerPerf,
  mock: async () => (await import('./commands/mock.js')).registerMock,
  serve: async () => (await import('./commands/serve.js')).registerServe,
};

const program = new Command('sentinel')
  .description('Test an HTTP API from its OpenAPI description')
  .version('0.1.0')
  .showHelpAfterError()
  .exitOverride();

try {
  const requested = process.argv[2];
  // Help, version and unknown commands need every command registered; a known command needs only itself.
  const names = requested !== undefined && requested in COMMANDS ? [requested] : Object.keys(COMMANDS);
  for (const name of names) (await COMMANDS[name]!())(program);
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
