// Boundary candidates: each edge of a length, range or size bound, exactly on it (must be accepted)
// and one step past it (must be rejected).
import type { Candidate, LeafContext, LeafInput } from './candidates.js';
import { boundsOf } from './numbers.js';
import { typesOf } from './schema-view.js';
import { fit } from './strings.js';

export type BoundaryCandidate = Candidate & { expectation: 'accept' | 'reject' };

export function boundaryCandidates(ctx: LeafContext, input: LeafInput): BoundaryCandidate[] {
  const { schema } = input;
  if ('const' in schema || Array.isArray(schema.enum)) return [];
  const types = typesOf(schema);
  const out: BoundaryCandidate[] = [];
  if (typeof input.value === 'string' && types.includes('string')) out.push(...stringEdges(ctx, input.value, schema));
  if (typeof input.value === 'number') out.push(...numberEdges(schema, types.includes('integer') && !types.includes('number')));
  if (Array.isArray(input.value)) out.push(...arrayEdges(ctx, input.value, schema));
  return out;
}

function edge(value: unknown, constraint: string, expectation: 'accept' | 'reject', description: string): BoundaryCandidate {
  return { value, at: '', constraint, expectation, description };
}

function stringEdges(ctx: LeafContext, value: string, schema: LeafInput['schema']): BoundaryCandidate[] {
  const out: BoundaryCandidate[] = [];
  const min = schema.minLength;
  const max = schema.maxLength;
  const sized = (n: number) => fit(ctx.rng, value === '' ? 'a' : value, n, n);
  if (typeof min === 'number') {
    out.push(edge(sized(min), 'minLength', 'accept', `length exactly minLength ${min}`));
    if (min > 0) out.push(edge(sized(min - 1), 'minLength', 'reject', `length ${min - 1}, one below minLength ${min}`));
  }
  if (typeof max === 'number' && max <= 100_000) {
    out.push(edge(sized(max), 'maxLength', 'accept', `length exactly maxLength ${max}`));
    out.push(edge(sized(max + 1), 'maxLength', 'reject', `length ${max + 1}, one above maxLength ${max}`));
  }
  return out;
}

/** The smallest step that changes a value as the API sees it: 1, the multipleOf, or a cent. */
export function numericStep(schema: LeafInput['schema'], integer: boolean): number {
  if (typeof schema.multipleOf === 'number' && schema.multipleOf > 0) return schema.multipleOf;
  return integer ? 1 : 0.01;
}

function numberEdges(schema: LeafInput['schema'], integer: boolean): BoundaryCandidate[] {
  const out: BoundaryCandidate[] = [];
  const step = numericStep(schema, integer);
  const round = (v: number) => Number(v.toPrecision(15));
  if (typeof schema.exclusiveMinimum === 'number') {
    const low = schema.exclusiveMinimum;
    out.push(edge(low, 'exclusiveMinimum', 'reject', `exactly exclusiveMinimum ${low}`));
    out.push(edge(round(low + step), 'exclusiveMinimum', 'accept', `one step above exclusiveMinimum ${low}`));
  } else if (typeof schema.minimum === 'number') {
    const low = schema.minimum;
    out.push(edge(low, 'minimum', 'accept', `exactly minimum ${low}`));
    out.push(edge(round(low - step), 'minimum', 'reject', `one step below minimum ${low}`));
  }
  if (typeof schema.exclusiveMaximum === 'number') {
    const high = schema.exclusiveMaximum;
    out.push(edge(high, 'exclusiveMaximum', 'reject', `exactly exclusiveMaximum ${high}`));
    out.push(edge(round(high - step), 'exclusiveMaximum', 'accept', `one step below exclusiveMaximum ${high}`));
  } else if (typeof schema.maximum === 'number') {
    const high = schema.maximum;
    out.push(edge(high, 'maximum', 'accept', `exactly maximum ${high}`));
    out.push(edge(round(high + step), 'maximum', 'reject', `one step above maximum ${high}`));
  }
  if (out.length === 0 && typeof schema.format === 'string' && (schema.format === 'int32' || schema.format === 'int64')) {
    const { low, high } = boundsOf(schema);
    if (schema.format === 'int32' && low !== undefined && high !== undefined) {
      out.push(edge(high, 'format', 'accept', `largest int32 ${high}`), edge(high + 1, 'format', 'reject', `one above the largest int32`));
      out.push(edge(low, 'format', 'accept', `smallest int32 ${low}`), edge(low - 1, 'format', 'reject', `one below the smallest int32`));
    }
  }
  return out;
}

/** An array resized to `n` items, reusing its items and generating fresh ones as needed. */
export function resized(ctx: LeafContext, value: unknown[], schema: LeafInput['schema'], n: number): unknown[] {
  if (value.length >= n) return value.slice(0, n);
  const out = [...value];
  const seen = new Set(out.map((v) => JSON.stringify(v)));
  for (let attempt = 0; out.length < n && attempt < n * 5 + 5; attempt++) {
    const item = ctx.fresh(schema.items ?? true);
    if (item === undefined) break;
    const key = JSON.stringify(item);
    if (schema.uniqueItems === true && seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out;
}

function arrayEdges(ctx: LeafContext, value: unknown[], schema: LeafInput['schema']): BoundaryCandidate[] {
  const out: BoundaryCandidate[] = [];
  const min = schema.minItems;
  const max = schema.maxItems;
  if (typeof min === 'number') {
    out.push(edge(resized(ctx, value, schema, min), 'minItems', 'accept', `exactly minItems ${min} items`));
    if (min > 0) out.push(edge(resized(ctx, value, schema, min - 1), 'minItems', 'reject', `${min - 1} items, one below minItems ${min}`));
  }
  if (typeof max === 'number' && max <= 1000) {
    out.push(edge(resized(ctx, value, schema, max), 'maxItems', 'accept', `exactly maxItems ${max} items`));
    out.push(edge(resized(ctx, value, schema, max + 1), 'maxItems', 'reject', `${max + 1} items, one above maxItems ${max}`));
  }
  return out;
}
