import { describe, expect, it } from 'vitest';
import { createRateLimiter, type Clock } from '../../../src/execution/rate-limiter.js';

/** A clock whose sleeps advance time instantly, so the limiter's arithmetic is tested without waiting. */
function fakeClock(): Clock & { sleeps: number[] } {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

describe('token bucket', () => {
  it.each([
    [10, 10, 0],
    [10, 11, 100],
    [10, 30, 2000],
    [4, 12, 2000],
    [0.5, 3, 4000],
  ])('at %s/s, %s requests in a row wait %s ms in total', async (rate, count, totalWait) => {
    const clock = fakeClock();
    const limiter = createRateLimiter(rate, clock);
    for (let i = 0; i < count; i += 1) await limiter.acquire();
    expect(Math.round(clock.sleeps.reduce((a, b) => a + b, 0))).toBe(totalWait);
  });

  it('refills while idle, up to its capacity only', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter(5, clock);
    for (let i = 0; i < 5; i += 1) await limiter.acquire();
    await clock.sleep(10_000);
    clock.sleeps.length = 0;
    for (let i = 0; i < 6; i += 1) await limiter.acquire();
    expect(clock.sleeps).toEqual([200]);
  });

  it('concurrent waiters each get their own slot', async () => {
    // Time stands still while all four ask at once: the 3rd and 4th reserve successive future tokens.
    const sleeps: number[] = [];
    const clock: Clock = { now: () => 0, sleep: async (ms) => void sleeps.push(ms) };
    const limiter = createRateLimiter(2, clock);
    await Promise.all(Array.from({ length: 4 }, () => limiter.acquire()));
    expect(sleeps.map(Math.round)).toEqual([500, 1000]);
  });

  it('no limit never waits', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter(undefined, clock);
    for (let i = 0; i < 100; i += 1) await limiter.acquire();
    expect(clock.sleeps).toEqual([]);
  });
});
