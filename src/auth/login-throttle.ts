// Login throttling: failures are counted per username and per client address in a sliding window; past
// the limit, further attempts are refused until the lockout ends, even with the right password.
export interface ThrottleOptions {
  /** Failures allowed per username within the window before a lockout. */
  maxFailuresPerUser: number;
  /** Failures allowed per address within the window before a lockout. */
  maxFailuresPerAddress: number;
  windowMs: number;
  lockoutMs: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = { maxFailuresPerUser: 5, maxFailuresPerAddress: 20, windowMs: 15 * 60_000, lockoutMs: 15 * 60_000 };

interface Counter {
  failures: number[];
  lockedUntil: number;
}

export interface LoginThrottle {
  /** Milliseconds until the username or address may try again; 0 when it may now. */
  retryAfterMs(username: string, address: string): number;
  failed(username: string, address: string): void;
  succeeded(username: string): void;
}

export function createLoginThrottle(options: ThrottleOptions = DEFAULT_THROTTLE, now: () => number = Date.now): LoginThrottle {
  const byUser = new Map<string, Counter>();
  const byAddress = new Map<string, Counter>();
  const wait = (counter: Counter | undefined) => Math.max(0, (counter?.lockedUntil ?? 0) - now());
  const record = (map: Map<string, Counter>, key: string, limit: number) => {
    const time = now();
    const counter = map.get(key) ?? { failures: [], lockedUntil: 0 };
    counter.failures = counter.failures.filter((at) => at > time - options.windowMs);
    counter.failures.push(time);
    if (counter.failures.length >= limit) {
      counter.lockedUntil = time + options.lockoutMs;
      counter.failures = [];
    }
    map.set(key, counter);
    // Bounded memory under a flood of made-up usernames: forget the oldest entries.
    if (map.size > 10_000) map.delete(map.keys().next().value!);
  };
  return {
    retryAfterMs: (username, address) => Math.max(wait(byUser.get(username.toLowerCase())), wait(byAddress.get(address))),
    failed(username, address) {
      record(byUser, username.toLowerCase(), options.maxFailuresPerUser);
      record(byAddress, address, options.maxFailuresPerAddress);
    },
    succeeded(username) {
      byUser.delete(username.toLowerCase());
    },
  };
}
