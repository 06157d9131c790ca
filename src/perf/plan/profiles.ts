// Load profiles as stages. The target is the steady level (load, soak) or the peak (stress, spike).
import type { LoadModel, Stage } from '../../execution/load/types.js';

export type PerfProfile = 'load' | 'stress' | 'spike' | 'soak';

export const PROFILES: PerfProfile[] = ['load', 'stress', 'spike', 'soak'];

export const DEFAULT_DURATION_MS: Record<PerfProfile, number> = { load: 30_000, stress: 60_000, spike: 30_000, soak: 600_000 };

/** Default requests/second (open model): a steady level, or the peak that stress and spike climb to. */
export const DEFAULT_RATE: Record<PerfProfile, number> = { load: 50, stress: 500, spike: 250, soak: 50 };

export const STRESS_STEPS = 5;

export function buildStages(profile: PerfProfile, model: LoadModel, target: number, durationMs: number, steps = STRESS_STEPS): Stage[] {
  // Virtual users are whole; a rate may be fractional.
  const level = (fraction: number) => (model === 'closed' ? Math.max(1, Math.round(target * fraction)) : target * fraction);
  switch (profile) {
    case 'load':
      return [{ name: 'steady', durationMs, target }];
    case 'soak':
      return [{ name: 'soak', durationMs, target }];
    case 'stress': {
      // Equal steps up to the peak, so the analyzer sees where latency leaves its limit (the knee).
      const stepMs = Math.floor(durationMs / steps);
      return Array.from({ length: steps }, (_, index) => ({
        name: `step ${index + 1}/${steps}`,
        durationMs: index === steps - 1 ? durationMs - stepMs * (steps - 1) : stepMs,
        target: level((index + 1) / steps),
      }));
    }
    case 'spike': {
      // A baseline at a fifth of the peak, a sudden jump, and the recovery after it.
      const before = Math.round(durationMs * 0.4);
      const spike = Math.round(durationMs * 0.2);
      return [
        { name: 'baseline', durationMs: before, target: level(0.2) },
        { name: 'spike', durationMs: spike, target },
        { name: 'recovery', durationMs: durationMs - before - spike, target: level(0.2) },
      ];
    }
  }
}
