// Messages between the sandbox host (main thread) and its worker thread. Only strings of JSON cross into
// QuickJS, so only plain data crosses here too.
import type { LimitName, SandboxLimits } from './limits.js';

export interface PluginSource {
  file: string;
  source: string;
}

export type LoadedPlugin =
  | { ok: true; kind: 'check'; name: string; severity: string }
  | { ok: true; kind: 'agent'; name: string }
  | { ok: false; error: string };

export interface PluginCall {
  id: number;
  plugin: number;
  method: 'check' | 'plan';
  /** The call's arguments as a JSON array. */
  args: string;
}

export type CallResult = { id: number; ok: true; json: string } | { id: number; ok: false; error: string; limit?: LimitName };

export type ToWorker =
  | { type: 'load'; plugins: PluginSource[]; seed: number; limits: SandboxLimits }
  | { type: 'call'; calls: PluginCall[] }
  /** Dispose every QuickJS handle, then exit: a leaked handle would abort the process. */
  | { type: 'close' };

export type FromWorker = { type: 'loaded'; plugins: LoadedPlugin[] } | { type: 'results'; results: CallResult[] } | { type: 'closed' };
