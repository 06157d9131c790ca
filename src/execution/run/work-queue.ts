// Runs async jobs with at most `concurrency` in flight, in order of submission. Errors of a job are the
// job's business: `run` must not throw (the engine turns failures into data).

export async function runBounded<T>(items: readonly T[], concurrency: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next]!;
      next += 1;
      await run(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
}
