// `sentinel serve`: the platform (REST API, auth, specifications, runs, findings) in one process.
import { Command } from 'commander';
import { SentinelError } from '../../core/errors.js';

interface ServeFlags {
  port: string;
  host: string;
  dataDir: string;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Serve the Sentinel platform: REST API with users and roles, stored specifications, runs and findings')
    .option('--port <port>', 'port to listen on', '8000')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--data-dir <dir>', 'folder of the embedded database and the generated keys', '.sentinel')
    .action(async (flags: ServeFlags) => {
      await serve(flags);
    });
}

async function serve(flags: ServeFlags): Promise<void> {
  const port = Number(flags.port);
  if (!/^\d+$/.test(flags.port) || port > 65535) throw new SentinelError('usage', `--port ${JSON.stringify(flags.port)}: expected a port number 0-65535`);
  const { createPlatform } = await import('../../gateway/platform.js');
  let platform;
  try {
    platform = await createPlatform({ dataDir: flags.dataDir, ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}) });
  } catch (error) {
    throw new SentinelError('config', `cannot start the platform: ${(error as Error).message}`);
  }
  let address: string;
  try {
    address = await platform.app.listen({ port, host: flags.host });
  } catch (error) {
    await platform.close();
    throw new SentinelError('usage', `cannot listen on ${flags.host}:${port}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const out = process.stdout;
  out.write(`sentinel: platform listening on ${address} (API ${address}/api/v1, docs ${address}/docs)\n`);
  out.write(`sentinel: database: ${platform.database.kind === 'pglite' ? `embedded PostgreSQL in ${flags.dataDir}` : 'PostgreSQL (DATABASE_URL)'}\n`);
  if (platform.generatedAdminPassword !== undefined) {
    out.write(`sentinel: created the user admin with the password ${platform.generatedAdminPassword} (shown once: change it with POST /api/v1/auth/password)\n`);
  }
  if (platform.recoveredRuns > 0) out.write(`sentinel: ${platform.recoveredRuns} run(s) left unfinished by the previous process were marked cancelled\n`);

  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      process.stderr.write(`sentinel: ${signal}: stopping (in-flight runs are cancelled)\n`);
      platform
        .close()
        .catch((error: unknown) => process.stderr.write(`sentinel: error while stopping: ${(error as Error).message}\n`))
        .finally(resolve);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}
