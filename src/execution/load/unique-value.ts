// The reserved scenario value `unique` (see UNIQUE_VALUE in types.ts): a short string never drawn twice
// in a run. Workers are threads of one process, so the thread id tells them apart without coordination;
// a random prefix drawn when the worker loads (once per run) tells runs apart, so a second run against
// the same data does not collide with what the first one created.
import { randomInt } from 'node:crypto';
import { threadId } from 'node:worker_threads';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A letter then three base-36 characters: some APIs want a username to start with a letter. */
function randomPrefix(): string {
  let prefix = LETTERS[randomInt(26)]!;
  for (let i = 0; i < 3; i++) prefix += randomInt(36).toString(36);
  return prefix;
}

/** `source` as its base-36 digits preceded by their count, so `source` + counter can never read two ways. */
function selfDelimiting(source: number): string {
  const digits = source.toString(36);
  return digits.length.toString(36) + digits;
}

/** Draws `<prefix><source><counter>`, e.g. `k3f9120`; `source` is what tells the drawers of a run apart. */
export function createUniqueValues(source: number, prefix: string = randomPrefix()): () => string {
  const head = prefix + selfDelimiting(source);
  let counter = 0;
  return () => head + (counter++).toString(36);
}

/** This thread's drawer: one per thread (module), so two scenario runners of a worker never draw the same. */
export const nextUniqueValue = createUniqueValues(threadId);
