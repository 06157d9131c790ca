import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PluginCallError, startSandbox, type Sandbox } from '../../../src/sandbox/host.js';

const dir = mkdtempSync(join(tmpdir(), 'sentinel-sandbox-'));
function pluginFile(name: string, body: string): string {
  const file = join(dir, `${name}.js`);
  writeFileSync(file, body);
  return file;
}
const check = (name: string, body: string) => pluginFile(name, `export default { name: '${name}', severity: 'low', check(exchange, ctx) { ${body} } };`);

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function failure(promise: Promise<unknown>): Promise<PluginCallError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(PluginCallError);
  return error as PluginCallError;
}

// Each test starts a worker that compiles QuickJS: slow on a busy two-core machine.
describe('the plugin sandbox', { timeout: 120_000 }, () => {
  it('calls a check with JSON and returns its JSON result', async () => {
    sandbox = await startSandbox([check('echo', 'return [{ title: exchange.status, message: ctx.note }];')], { seed: 1 });
    expect(sandbox.plugins).toEqual([expect.objectContaining({ index: 0, name: 'echo', kind: 'check', severity: 'low' })]);
    await expect(sandbox.call(0, 'check', [{ status: 200 }, { note: 'hi' }])).resolves.toEqual([{ title: 200, message: 'hi' }]);
  });

  it('stops an infinite loop at the CPU time limit, and the plugin answers the next call', async () => {
    sandbox = await startSandbox([check('looper', 'if (exchange.loop) { for (;;) {} } return [];')], { seed: 1, limits: { cpuMs: 50 } });
    const started = Date.now();
    const error = await failure(sandbox.call(0, 'check', [{ loop: true }, {}]));
    expect(error.limit).toBe('cpu');
    expect(error.message).toBe(`plugin looper (${join(dir, 'looper.js')}) was stopped at the CPU time limit of 50 ms per call`);
    expect(Date.now() - started).toBeLessThan(2000);
    await expect(sandbox.call(0, 'check', [{ loop: false }, {}])).resolves.toEqual([]);
  });

  // The CPU limit is lifted so a busy machine cannot stop the bomb before it reaches the memory limit.
  it('stops a memory bomb at the memory limit', async () => {
    sandbox = await startSandbox([check('bomb', 'const hoard = []; for (let i = 0; ; i++) hoard.push({ i, text: "item " + i });')], { seed: 1, limits: { memoryBytes: 8 * 1024 * 1024, cpuMs: 60_000 } });
    const error = await failure(sandbox.call(0, 'check', [{}, {}]));
    expect(error.limit).toBe('memory');
    expect(error.message).toMatch(/was stopped at the memory limit of 8 MB$/);
  }, 90_000);

  it('stops deep recursion at the stack size limit', async () => {
    sandbox = await startSandbox([check('deep', 'const down = (n) => down(n + 1) + 1; return down(0);')], { seed: 1 });
    const error = await failure(sandbox.call(0, 'check', [{}, {}]));
    expect(error.limit).toBe('stack');
    expect(error.message).toMatch(/was stopped at the stack size limit of 512 KB$/);
  });

  it('gives no I/O of any kind: network, files, timers, process, modules', async () => {
    const attempts: Record<string, string> = {
      network: "fetch('http://127.0.0.1:1/')",
      xhr: 'new XMLHttpRequest()',
      files: "require('node:fs').readFileSync('/etc/passwd')",
      timers: 'setTimeout(() => {}, 0)',
      process: 'process.exit(1)',
      std: "std.loadFile('/etc/passwd')",
      os: "os.exec(['ls'])",
      console: "console.log('hello')",
    };
    const files = Object.entries(attempts).map(([name, code]) => check(name, `${code}; return [];`));
    sandbox = await startSandbox(files, { seed: 1 });
    for (const [index, name] of Object.keys(attempts).entries()) {
      const error = await failure(sandbox.call(index, 'check', [{}, {}]));
      expect(error.limit).toBeUndefined();
      expect(error.message).toMatch(new RegExp(`^plugin ${name} \\(.*\\) threw ReferenceError: '?\\w+'? is not defined`));
    }
  });

  it('refuses dynamic and static imports', async () => {
    sandbox = await startSandbox([check('dynamic', "let failed; import('node:fs').catch((e) => { failed = e; }); return [];")], { seed: 1 });
    await expect(sandbox.call(0, 'check', [{}, {}])).resolves.toEqual([]);
    await sandbox.close();
    sandbox = undefined;
    const file = pluginFile('static', "import fs from 'node:fs';\nexport default { name: 'static', severity: 'low', check() { return []; } };");
    await expect(startSandbox([file], { seed: 1 })).rejects.toThrow(`plugin ${file}: Error: plugins cannot import modules ("node:fs"): a plugin is one self-contained file`);
  });

  it('seeds Math.random from the run seed', async () => {
    const file = check('dice', 'return [Math.random(), Math.random()];');
    const roll = async (seed: number) => {
      const box = await startSandbox([file], { seed });
      try {
        return await box.call(0, 'check', [{}, {}]);
      } finally {
        await box.close();
      }
    };
    const first = await roll(7);
    expect(await roll(7)).toEqual(first);
    expect(await roll(8)).not.toEqual(first);
  });

  it('says in one line which file has a syntax error or a wrong export', async () => {
    const broken = pluginFile('broken', 'export default { name: "broken", check( { }');
    await expect(startSandbox([broken], { seed: 1 })).rejects.toThrow(new RegExp(`^plugin ${broken}: SyntaxError: .+ \\(line 1\\)$`));
    const wrong = pluginFile('wrong', 'export default 42;');
    await expect(startSandbox([wrong], { seed: 1 })).rejects.toThrow(`plugin ${wrong}: its default export must be { name, severity, check(exchange, ctx) } or { name, plan(model, ctx) }, got number`);
    const none = pluginFile('none', 'export const check = () => [];');
    await expect(startSandbox([none], { seed: 1 })).rejects.toThrow(/got no default export$/);
    const severity = pluginFile('severity', 'export default { name: "s", severity: "urgent", check() { return []; } };');
    await expect(startSandbox([severity], { seed: 1 })).rejects.toThrow(/severity must be one of critical, high, medium, low, info$/);
    await expect(startSandbox([join(dir, 'missing.js')], { seed: 1 })).rejects.toThrow(`plugin ${join(dir, 'missing.js')}: cannot read: ENOENT`);
    const again = check('echo', 'return [];');
    await expect(startSandbox([again, again], { seed: 1 })).rejects.toThrow(`plugin ${again}: the name "echo" is already used by ${again}`);
  });
});
