// Starts the sandbox worker thread. Built code runs worker.js directly; from TypeScript sources (tests, the
// benchmark under tsx) the worker is bootstrapped through tsx's loader, which worker threads do not inherit.
// The load engine has the same few lines (execution/load/spawn-worker.ts); sandbox may not import execution.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * QuickJS's interpreter recurses on the thread's own stack: a stack far larger than the plugins' stack limit
 * lets QuickJS stop deep recursion itself, with a catchable error, before the thread's stack runs out.
 */
const OPTIONS = { resourceLimits: { stackSizeMb: 32 } };

export function spawnSandboxWorker(): Worker {
  const built = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return new Worker(built, OPTIONS);
  const source = new URL('./worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxEsmApi())}).then((tsx) => tsx.tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}))`;
  return new Worker(bootstrap, { ...OPTIONS, eval: true });
}

function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(manifestPath), manifest.exports['./esm/api']!.import.default)).href;
}
