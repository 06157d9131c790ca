// What one plugin call may use. Every call of every plugin gets the same fences; a plugin that hits one
// is stopped and named in a run note.

export interface SandboxLimits {
  /** Time one call may run before the interrupt handler stops it, in milliseconds. */
  cpuMs: number;
  /** Heap of one plugin's QuickJS runtime, in bytes. */
  memoryBytes: number;
  /** Stack of one plugin's QuickJS runtime, in bytes (deep recursion stops here). */
  stackBytes: number;
}

export const DEFAULT_LIMITS: SandboxLimits = { cpuMs: 100, memoryBytes: 32 * 1024 * 1024, stackBytes: 512 * 1024 };

/** Which fence stopped a call; `undefined` for an ordinary exception of the plugin. */
export type LimitName = 'cpu' | 'memory' | 'stack';

export function describeLimit(limit: LimitName, limits: SandboxLimits): string {
  if (limit === 'cpu') return `the CPU time limit of ${limits.cpuMs} ms per call`;
  if (limit === 'memory') return `the memory limit of ${Math.round(limits.memoryBytes / 1024 / 1024)} MB`;
  return `the stack size limit of ${Math.round(limits.stackBytes / 1024)} KB`;
}
