// Cost of judging in the sandbox: calls per second of a small check (examples/plugins/no-foreign-email.js
// over a realistic JSON answer of 20 users) run in QuickJS in the worker thread, against the same function
// called natively in this process. Goal: sandbox ≥ 0.2× native, i.e. a sandboxed check costs far less
// than the HTTP exchange it judges. Calls made together travel in one worker message.
//   npx tsx bench/sandbox.ts [calls] [batch]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startSandbox } from '../src/sandbox/host.js';

const CALLS = Number(process.argv[2] ?? 20_000);
const BATCH = Number(process.argv[3] ?? 256);
const FILE = resolve(import.meta.dirname, '../examples/plugins/no-foreign-email.js');

const users = Array.from({ length: 20 }, (_, i) => ({ id: i + 1, username: `user${i + 1}`, role: 'user', joinedAt: '2026-01-01T00:00:00Z', email: `user${i + 1}@example.com` }));
const body = JSON.stringify(users);
const exchange = {
  request: { method: 'GET', url: 'http://127.0.0.1:8080/admin/users', headers: { accept: 'application/json', authorization: '[REDACTED]' } },
  response: { status: 200, headers: { 'content-type': 'application/json' }, body, json: users },
  durationMs: 3,
};
const ctx = { operation: { key: 'GET /admin/users', method: 'get', path: '/admin/users' }, case: { id: 'c1', agent: 'positive', title: 't', expectation: 'accept' } };

type CheckFn = (exchange: unknown, ctx: unknown) => unknown[];
const plugin = (await import(pathToFileURL(FILE).href)) as { default: { check: CheckFn } };

function native(): number {
  let found = 0;
  const started = performance.now();
  for (let i = 0; i < CALLS; i++) found += plugin.default.check(exchange, ctx).length;
  if (found !== CALLS) throw new Error('the native check did not find the leak');
  return CALLS / ((performance.now() - started) / 1000);
}

async function sandboxed(): Promise<number> {
  const sandbox = await startSandbox([FILE], { seed: 1 });
  try {
    let found = 0;
    const started = performance.now();
    for (let done = 0; done < CALLS; done += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, CALLS - done) }, () => sandbox.call(0, 'check', [exchange, ctx]));
      for (const result of await Promise.all(batch)) found += (result as unknown[]).length;
    }
    if (found !== CALLS) throw new Error('the sandboxed check did not find the leak');
    return CALLS / ((performance.now() - started) / 1000);
  } finally {
    await sandbox.close();
  }
}

native(); // warm up the JIT
const nativeRate = native();
await sandboxed().catch(() => 0); // warm up the worker's WebAssembly
const sandboxRate = await sandboxed();
console.log(`native check:    ${Math.round(nativeRate).toLocaleString('en')} calls/s`);
console.log(`sandboxed check: ${Math.round(sandboxRate).toLocaleString('en')} calls/s (batches of ${BATCH})`);
console.log(`per call: ${(1e6 / nativeRate).toFixed(0)} µs native, ${(1e6 / sandboxRate).toFixed(0)} µs sandboxed`);
console.log(`ratio: ${(sandboxRate / nativeRate).toFixed(2)}× (goal ≥ 0.2×)`);
