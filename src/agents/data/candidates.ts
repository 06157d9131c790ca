// What a leaf probe is before it is placed into a whole value and verified.
import type { ApiModel } from '../../spec/model.js';
import type { Rng } from './prng.js';
import type { SchemaObject } from './schema-view.js';

/** Marks a property to be removed (a `required` probe) instead of replaced. */
export const REMOVE = Symbol('remove');

export interface Candidate {
  /** The replacement for the value at the probed pointer, or REMOVE. */
  value: unknown;
  /** Relative to the node the candidate was made for: `''` or `/name` (a removed or added property). */
  at: string;
  constraint: string;
  description: string;
}

export interface LeafContext {
  model: ApiModel;
  rng: Rng;
  /** Parameters travel as text: a "wrong type" must be text that does not parse as the type. */
  asText: boolean;
  /** Generates a fresh valid value for a sub-schema (array items, for instance). */
  fresh(schema: unknown, name?: string): unknown;
}

export interface LeafInput {
  schema: SchemaObject;
  value: unknown;
  name?: string;
}
