// Walks a valid value alongside its schema and places leaf candidates (boundaries or violations) at
// every node: each probe is the whole value with exactly one spot changed.
import type { JsonSchema } from '../../spec/model.js';
import { REMOVE, type Candidate, type LeafContext, type LeafInput } from './candidates.js';
import { isSchemaObject, mergeAllOf } from './schema-view.js';
import { escapePointer } from './violations.js';

export interface PlacedProbe<C extends Candidate> {
  /** The whole value with the candidate placed (undefined when the top-level value itself is removed). */
  value: unknown;
  /** JSON pointer of the changed spot, `''` for the value itself. */
  pointer: string;
  candidate: C;
}

export interface WalkLimits {
  /** Nesting depth to descend into objects and arrays. */
  maxDepth: number;
  /** Stop after this many probes. */
  maxProbes: number;
}

export function walkProbes<C extends Candidate>(
  ctx: LeafContext,
  schema: JsonSchema,
  base: unknown,
  leaf: (ctx: LeafContext, input: LeafInput) => C[],
  limits: WalkLimits,
  name?: string,
): PlacedProbe<C>[] {
  const out: PlacedProbe<C>[] = [];
  const visit = (node: JsonSchema, value: unknown, path: string[], nodeName: string | undefined, depth: number): void => {
    if (!isSchemaObject(node) || out.length >= limits.maxProbes) return;
    const s = mergeAllOf(ctx.model, node);
    // Inside oneOf/anyOf the matched branch is unknown: a change there proves nothing about one constraint.
    if (Array.isArray(s.oneOf) || Array.isArray(s.anyOf) || s.not !== undefined) return;
    for (const candidate of leaf(ctx, { schema: s, value, name: nodeName })) {
      if (out.length >= limits.maxProbes) return;
      const at = candidate.at === '' ? [] : [unescape(candidate.at.slice(1))];
      const target = [...path, ...at];
      out.push({ value: replaceAt(base, target, candidate.value), pointer: toPointer(target), candidate });
    }
    if (depth >= limits.maxDepth) return;
    if (isSchemaObject(value) && isSchemaObject(s.properties)) {
      for (const [key, child] of Object.entries(value)) {
        const sub = s.properties[key];
        if (sub !== undefined) visit(sub as JsonSchema, child, [...path, key], key, depth + 1);
      }
    } else if (Array.isArray(value) && value.length > 0 && s.items !== undefined) {
      visit(s.items as JsonSchema, value[0], [...path, '0'], nodeName, depth + 1);
    }
  };
  visit(schema, base, [], name, 0);
  return out;
}

function unescape(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

function toPointer(path: string[]): string {
  return path.map((p) => `/${escapePointer(p)}`).join('');
}

/** A copy of `root` with the value at `path` replaced (or removed), copying only along the path. */
export function replaceAt(root: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value === REMOVE ? undefined : value;
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(root)) {
    const copy = [...root];
    const index = Number(head);
    if (rest.length === 0 && value === REMOVE) copy.splice(index, 1);
    else copy[index] = replaceAt(root[index], rest, value);
    return copy;
  }
  const copy: Record<string, unknown> = isSchemaObject(root) ? { ...root } : {};
  if (rest.length === 0 && value === REMOVE) delete copy[head];
  else copy[head] = replaceAt(copy[head], rest, value);
  return copy;
}
