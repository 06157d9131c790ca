// Picks the next request of a mix: operations by weight (seeded, so a run is reproducible per worker),
// and each operation's concrete requests in turn.

/** mulberry32: tiny, fast and good enough to spread picks; not for anything secret. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Weighted<T> {
  weight: number;
  requests: T[];
}

export interface MixPicker<T> {
  next(): T;
}

export function createMixPicker<T>(mix: Weighted<T>[], seed: number): MixPicker<T> {
  const entries = mix.filter((entry) => entry.weight > 0 && entry.requests.length > 0);
  if (entries.length === 0) throw new Error('the load mix has no operation with a positive weight and a request');
  const total = entries.reduce((sum, entry) => sum + entry.weight, 0);
  const cumulative: number[] = [];
  let running = 0;
  for (const entry of entries) cumulative.push((running += entry.weight / total));
  const cursors = entries.map(() => 0);
  const random = seededRandom(seed);
  return {
    next() {
      const draw = random();
      let index = 0;
      while (index < cumulative.length - 1 && draw >= cumulative[index]!) index++;
      const entry = entries[index]!;
      const request = entry.requests[cursors[index]! % entry.requests.length]!;
      cursors[index] = cursors[index]! + 1;
      return request;
    },
  };
}
