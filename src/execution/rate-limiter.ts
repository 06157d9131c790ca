// `--rate-limit N`: a token bucket of N tokens refilled at N per second, so short bursts up to N are
// allowed and the long-run rate never exceeds N requests per second.

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface RateLimiter {
  /** Resolves when one request may be sent. */
  acquire(): Promise<void>;
}

export const unlimited: RateLimiter = { acquire: () => Promise.resolve() };

export function createRateLimiter(perSecond: number | undefined, clock: Clock = systemClock): RateLimiter {
  if (perSecond === undefined || perSecond <= 0) return unlimited;
  const capacity = Math.max(1, perSecond);
  let tokens = capacity;
  let last = clock.now();
  // Waiters are served in order: each reserves the next token, possibly driving the balance negative,
  // and sleeps until the refill covers its reservation.
  return {
    async acquire() {
      const now = clock.now();
      tokens = Math.min(capacity, tokens + ((now - last) / 1000) * perSecond);
      last = now;
      tokens -= 1;
      if (tokens >= 0) return;
      await clock.sleep((-tokens / perSecond) * 1000);
    },
  };
}
