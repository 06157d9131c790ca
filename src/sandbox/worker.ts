// The sandbox's worker thread: one QuickJS runtime per plugin (its own heap and stack limits), calls run
// with a deadline enforced by QuickJS's interrupt handler. Nothing of Node is given to the plugins: no
// module loader, no timers, no console, no host functions at all; only JSON strings go in and come out.
import { parentPort } from 'node:worker_threads';
import { getQuickJS, type QuickJSContext, type QuickJSHandle, type QuickJSRuntime } from 'quickjs-emscripten';
import type { LimitName, SandboxLimits } from './limits.js';
import type { CallResult, FromWorker, LoadedPlugin, PluginCall, PluginSource, ToWorker } from './protocol.js';

interface LivePlugin {
  runtime: QuickJSRuntime;
  context: QuickJSContext;
  /** The module's default export. */
  exported: QuickJSHandle;
  /** `(plugin, method, argsJson) => resultJson`, made before the plugin's code ran so it cannot replace JSON. */
  invoke: QuickJSHandle;
  deadline: number;
  interrupted: boolean;
}

// Made before any plugin code runs: a plugin that redefines JSON or Math only changes its own globals.
const PRELUDE = (seed: number) => `
(() => {
  let state = ${seed >>> 0};
  // mulberry32: small, fast, and the same numbers for the same run seed.
  Math.random = function random() {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
})();`;

const INVOKE = `(() => {
  const parse = JSON.parse, stringify = JSON.stringify;
  return (plugin, method, args) => {
    const result = plugin[method].apply(plugin, parse(args));
    const text = stringify(result);
    return text === undefined ? 'null' : text;
  };
})()`;

const DESCRIBE = `(plugin) => JSON.stringify({
  type: plugin === null ? 'null' : typeof plugin,
  name: plugin?.name,
  severity: plugin?.severity,
  check: typeof plugin?.check === 'function',
  plan: typeof plugin?.plan === 'function',
})`;

/**
 * Loading compiles the plugin and, the first time, the interpreter's own WebAssembly code: a budget of its
 * own so a busy machine does not fail a plugin before it ran. Loops at load time still stop here.
 */
const LOAD_BUDGET_MS = 2000;

let plugins: (LivePlugin | undefined)[] = [];
let limits: SandboxLimits;

function post(message: FromWorker): void {
  parentPort!.postMessage(message);
}

parentPort!.on('message', (message: ToWorker) => {
  if (message.type === 'load') {
    void load(message.plugins, message.seed, message.limits).then((loaded) => post({ type: 'loaded', plugins: loaded }));
  } else if (message.type === 'call') {
    post({ type: 'results', results: message.calls.map(call) });
  } else {
    for (const plugin of plugins) if (plugin !== undefined) dispose(plugin);
    plugins = [];
    post({ type: 'closed' });
  }
});

async function load(sources: PluginSource[], seed: number, given: SandboxLimits): Promise<LoadedPlugin[]> {
  limits = given;
  const QuickJS = await getQuickJS();
  warmUp(QuickJS.newRuntime());
  return sources.map(({ file, source }) => {
    const runtime = QuickJS.newRuntime();
    runtime.setMemoryLimit(limits.memoryBytes);
    runtime.setMaxStackSize(limits.stackBytes);
    runtime.setModuleLoader((name) => ({ error: new Error(`plugins cannot import modules (${JSON.stringify(name)}): a plugin is one self-contained file`) }));
    const context = runtime.newContext();
    const live: LivePlugin = { runtime, context, exported: context.undefined, invoke: context.undefined, deadline: Infinity, interrupted: false };
    runtime.setInterruptHandler(() => {
      if (Date.now() <= live.deadline) return false;
      live.interrupted = true;
      return true;
    });
    try {
      const described = within(live, LOAD_BUDGET_MS, () => {
        evaluate(context, PRELUDE(seed), 'prelude.js').dispose();
        live.invoke = evaluate(context, INVOKE, 'invoke.js');
        const namespace = evaluate(context, source, file, 'module');
        live.exported = context.getProp(namespace, 'default');
        namespace.dispose();
        const describe = evaluate(context, DESCRIBE, 'describe.js');
        const text = context.getString(unwrap(context, context.callFunction(describe, context.undefined, live.exported)));
        describe.dispose();
        return JSON.parse(text) as { type: string; name?: unknown; severity?: unknown; check: boolean; plan: boolean };
      });
      const shape = describeShape(described);
      if (!shape.ok) {
        dispose(live);
        plugins.push(undefined);
        return shape;
      }
      plugins.push(live);
      return shape;
    } catch (error) {
      const limit = limitOf(live, error);
      dispose(live);
      plugins.push(undefined);
      return { ok: false, error: limit ? `stopped while loading at the ${limit} limit: ${messageOf(error)}` : messageOf(error) };
    }
  });
}

/** Runs the interpreter once so the first plugin's calls do not pay for compiling its WebAssembly. */
function warmUp(runtime: QuickJSRuntime): void {
  const context = runtime.newContext();
  const result = context.evalCode('let total = 0; for (let i = 0; i < 10000; i++) total += JSON.stringify({ i }).length; total');
  (result.error ?? result.value).dispose();
  context.dispose();
  runtime.dispose();
}

function describeShape(described: { type: string; name?: unknown; severity?: unknown; check: boolean; plan: boolean }): LoadedPlugin {
  const expected = 'its default export must be { name, severity, check(exchange, ctx) } or { name, plan(model, ctx) }';
  if (described.type !== 'object') return { ok: false, error: `${expected}, got ${described.type === 'undefined' ? 'no default export' : described.type}` };
  if (typeof described.name !== 'string' || !/^[A-Za-z0-9_.-]+$/.test(described.name)) return { ok: false, error: `${expected}: name must be a word of letters, digits, _ . or -` };
  if (described.check && described.plan) return { ok: false, error: `${expected}, not both` };
  if (described.plan) return { ok: true, kind: 'agent', name: described.name };
  if (!described.check) return { ok: false, error: `${expected}: it has neither check nor plan` };
  if (typeof described.severity !== 'string' || !['critical', 'high', 'medium', 'low', 'info'].includes(described.severity)) {
    return { ok: false, error: `${expected}: severity must be one of critical, high, medium, low, info` };
  }
  return { ok: true, kind: 'check', name: described.name, severity: described.severity };
}

function call({ id, plugin: index, method, args }: PluginCall): CallResult {
  const live = plugins[index];
  if (live === undefined) return { id, ok: false, error: 'the plugin is not loaded' };
  const { context } = live;
  try {
    const text = within(live, limits.cpuMs, () => {
      const methodHandle = context.newString(method);
      const argsHandle = context.newString(args);
      const result = context.callFunction(live.invoke, context.undefined, live.exported, methodHandle, argsHandle);
      methodHandle.dispose();
      argsHandle.dispose();
      return context.getString(unwrap(context, result));
    });
    return { id, ok: true, json: text };
  } catch (error) {
    const limit = limitOf(live, error);
    return limit === undefined ? { id, ok: false, error: messageOf(error) } : { id, ok: false, error: messageOf(error), limit };
  }
}

/** Runs `work` under the per-call deadline. */
function within<T>(live: LivePlugin, budgetMs: number, work: () => T): T {
  live.interrupted = false;
  live.deadline = Date.now() + budgetMs;
  try {
    return work();
  } finally {
    live.deadline = Infinity;
  }
}

function evaluate(context: QuickJSContext, code: string, file: string, type: 'global' | 'module' = 'global'): QuickJSHandle {
  return unwrap(context, context.evalCode(code, file, { type }));
}

/** The value of a call, or throws the VM's exception as a host error (the handle disposed either way). */
function unwrap(context: QuickJSContext, result: { value: QuickJSHandle; error?: undefined } | { error: QuickJSHandle; value?: undefined }): QuickJSHandle {
  if (result.error === undefined) return result.value;
  let dumped: unknown;
  try {
    dumped = context.dump(result.error);
  } catch {
    dumped = 'an exception that could not be read';
  }
  result.error.dispose();
  throw new PluginError(describeException(dumped));
}

class PluginError extends Error {}

function describeException(dumped: unknown): string {
  if (dumped !== null && typeof dumped === 'object') {
    const { name, message, lineNumber } = dumped as { name?: unknown; message?: unknown; lineNumber?: unknown };
    const where = typeof lineNumber === 'number' ? ` (line ${lineNumber})` : '';
    if (typeof message === 'string') return `${typeof name === 'string' ? `${name}: ` : ''}${message}${where}`;
  }
  return `threw ${JSON.stringify(dumped) ?? String(dumped)}`;
}

function limitOf(live: LivePlugin, error: unknown): LimitName | undefined {
  if (live.interrupted) return 'cpu';
  const message = messageOf(error);
  if (/out of memory/i.test(message)) return 'memory';
  if (/stack overflow|call stack size/i.test(message)) return 'stack';
  return undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function dispose(live: LivePlugin): void {
  if (live.exported.alive && live.exported !== live.context.undefined) live.exported.dispose();
  if (live.invoke.alive && live.invoke !== live.context.undefined) live.invoke.dispose();
  live.context.dispose();
  live.runtime.dispose();
}
