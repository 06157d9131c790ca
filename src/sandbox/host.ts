// The main thread's side of the sandbox: reads the plugin files, starts the worker, and turns calls into
// promises. Calls made in the same tick travel in one message (the judge asks every plugin check about an
// exchange at once), which keeps the cost of crossing threads far below that of the HTTP exchange judged.
import { readFileSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { SentinelError } from '../core/errors.js';
import type { Severity } from '../core/finding.js';
import { DEFAULT_LIMITS, describeLimit, type LimitName, type SandboxLimits } from './limits.js';
import type { CallResult, FromWorker, LoadedPlugin, PluginCall, PluginSource } from './protocol.js';
import { spawnSandboxWorker } from './spawn-worker.js';

export interface PluginInfo {
  /** Position in the worker's list; what calls name. */
  index: number;
  file: string;
  name: string;
  kind: 'check' | 'agent';
  severity?: Severity;
}

/** A call the sandbox stopped or the plugin failed; `limit` says which fence stopped it, if one did. */
export class PluginCallError extends Error {
  constructor(
    message: string,
    readonly limit?: LimitName,
  ) {
    super(message);
    this.name = 'PluginCallError';
  }
}

export interface Sandbox {
  plugins: PluginInfo[];
  limits: SandboxLimits;
  /** Calls `method` of a plugin with JSON arguments; resolves with its JSON result. */
  call(plugin: number, method: 'check' | 'plan', args: unknown[]): Promise<unknown>;
  /** Disposes every QuickJS handle and stops the worker. */
  close(): Promise<void>;
}

export interface SandboxOptions {
  seed: number;
  limits?: Partial<SandboxLimits>;
}

/** Loads every plugin file; a file that cannot be read or loaded is a one-line error naming it. */
export async function startSandbox(files: string[], options: SandboxOptions): Promise<Sandbox> {
  const sources: PluginSource[] = files.map((file) => ({ file, source: readPlugin(file) }));
  const limits: SandboxLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const worker = spawnSandboxWorker();
  const channel = new Channel(worker);
  let loaded: LoadedPlugin[];
  try {
    loaded = await channel.load(sources, options.seed, limits);
  } catch (error) {
    await channel.close();
    throw new SentinelError('internal', `the plugin sandbox did not start: ${(error as Error).message}`);
  }
  const plugins: PluginInfo[] = [];
  const names = new Map<string, string>();
  for (const [index, result] of loaded.entries()) {
    const file = files[index]!;
    let problem: string | undefined;
    if (!result.ok) problem = result.error;
    else if (names.has(result.name)) problem = `the name ${JSON.stringify(result.name)} is already used by ${names.get(result.name)}`;
    if (problem !== undefined || !result.ok) {
      await channel.close();
      throw new SentinelError('usage', `plugin ${file}: ${problem}`);
    }
    names.set(result.name, file);
    plugins.push({ index, file, name: result.name, kind: result.kind, ...(result.kind === 'check' ? { severity: result.severity as Severity } : {}) });
  }
  return {
    plugins,
    limits,
    async call(plugin, method, args) {
      const result = await channel.call(plugin, method, JSON.stringify(args));
      if (!result.ok) {
        const info = plugins[plugin]!;
        const reason = result.limit === undefined ? `threw ${result.error}` : `was stopped at ${describeLimit(result.limit, limits)}`;
        throw new PluginCallError(`plugin ${info.name} (${info.file}) ${reason}`, result.limit);
      }
      return JSON.parse(result.json) as unknown;
    },
    close: () => channel.close(),
  };
}

function readPlugin(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new SentinelError('usage', `plugin ${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** Request and reply over one worker; a worker that dies fails what is pending and every later call. */
class Channel {
  private nextId = 0;
  private queued: PluginCall[] = [];
  private readonly pending = new Map<number, (result: CallResult) => void>();
  private onLoaded: ((plugins: LoadedPlugin[]) => void) | undefined;
  private onClosed: (() => void) | undefined;
  private dead: string | undefined;
  private closing = false;

  constructor(private readonly worker: Worker) {
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'loaded') this.onLoaded?.(message.plugins);
      else if (message.type === 'closed') this.onClosed?.();
      else for (const result of message.results) this.settle(result);
    });
    worker.on('error', (error) => this.die(error.message));
    worker.on('exit', (code) => this.die(`the sandbox worker exited (code ${code})`));
  }

  load(plugins: PluginSource[], seed: number, limits: SandboxLimits): Promise<LoadedPlugin[]> {
    return new Promise((resolve, reject) => {
      this.onLoaded = resolve;
      this.onDeath = reject;
      this.worker.postMessage({ type: 'load', plugins, seed, limits });
    });
  }

  call(plugin: number, method: PluginCall['method'], args: string): Promise<CallResult> {
    const id = this.nextId++;
    if (this.dead !== undefined) return Promise.resolve({ id, ok: false, error: this.dead });
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      if (this.queued.length === 0) queueMicrotask(() => this.flush());
      this.queued.push({ id, plugin, method, args });
    });
  }

  async close(): Promise<void> {
    if (this.dead === undefined && !this.closing) {
      this.closing = true;
      // The worker disposes every handle before it goes; a worker stuck past a second is terminated anyway.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1000);
        this.onClosed = () => {
          clearTimeout(timer);
          resolve();
        };
        this.onDeath = () => resolve();
        this.worker.postMessage({ type: 'close' });
      });
    }
    await this.worker.terminate();
  }

  private onDeath: ((error: Error) => void) | undefined;

  private flush(): void {
    const calls = this.queued;
    this.queued = [];
    if (this.dead !== undefined) {
      for (const call of calls) this.settle({ id: call.id, ok: false, error: this.dead });
      return;
    }
    this.worker.postMessage({ type: 'call', calls });
  }

  private settle(result: CallResult): void {
    const resolve = this.pending.get(result.id);
    this.pending.delete(result.id);
    resolve?.(result);
  }

  private die(reason: string): void {
    if (this.dead !== undefined) return;
    this.dead = this.closing ? 'the sandbox was closed' : reason;
    this.onDeath?.(new Error(reason));
    for (const id of [...this.pending.keys()]) this.settle({ id, ok: false, error: this.dead });
  }
}
