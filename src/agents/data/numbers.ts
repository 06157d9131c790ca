// Numbers within minimum/maximum (inclusive and exclusive), multipleOf, and the OpenAPI formats
// int32/int64/float/double.
import type { Rng } from './prng.js';
import type { SchemaObject } from './schema-view.js';

const FORMAT_RANGE: Record<string, [number, number]> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  float: [-3.4e38, 3.4e38],
  double: [-Number.MAX_VALUE, Number.MAX_VALUE],
};

export interface NumericBounds {
  /** Smallest allowed value, or undefined. */
  low?: number;
  lowExclusive: boolean;
  high?: number;
  highExclusive: boolean;
}

export function boundsOf(schema: SchemaObject): NumericBounds {
  const bounds: NumericBounds = { lowExclusive: false, highExclusive: false };
  if (typeof schema.minimum === 'number') bounds.low = schema.minimum;
  if (typeof schema.exclusiveMinimum === 'number' && (bounds.low === undefined || schema.exclusiveMinimum >= bounds.low)) {
    bounds.low = schema.exclusiveMinimum;
    bounds.lowExclusive = true;
  }
  if (typeof schema.maximum === 'number') bounds.high = schema.maximum;
  if (typeof schema.exclusiveMaximum === 'number' && (bounds.high === undefined || schema.exclusiveMaximum <= bounds.high)) {
    bounds.high = schema.exclusiveMaximum;
    bounds.highExclusive = true;
  }
  const range = typeof schema.format === 'string' ? FORMAT_RANGE[schema.format] : undefined;
  if (range !== undefined) {
    if (bounds.low === undefined || bounds.low < range[0]) [bounds.low, bounds.lowExclusive] = [range[0], false];
    if (bounds.high === undefined || bounds.high > range[1]) [bounds.high, bounds.highExclusive] = [range[1], false];
  }
  return bounds;
}

/** Whether `value` is an exact multiple as a validator computing `value / m` sees it. */
export function isMultiple(value: number, multipleOf: unknown): boolean {
  if (typeof multipleOf !== 'number' || multipleOf <= 0) return true;
  const quotient = value / multipleOf;
  return Number.isFinite(quotient) && quotient === Math.trunc(quotient);
}

export function withinBounds(value: number, bounds: NumericBounds): boolean {
  if (bounds.low !== undefined && (bounds.lowExclusive ? value <= bounds.low : value < bounds.low)) return false;
  if (bounds.high !== undefined && (bounds.highExclusive ? value >= bounds.high : value > bounds.high)) return false;
  return true;
}

/** A number in the schema's range; `preferred` (a realistic value) is used when it fits. */
export function generateNumber(rng: Rng, schema: SchemaObject, integer: boolean, preferred?: number): number {
  const bounds = boundsOf(schema);
  const fits = (v: number) => withinBounds(v, bounds) && isMultiple(v, schema.multipleOf) && (!integer || Number.isInteger(v));
  if (preferred !== undefined && fits(preferred)) return preferred;
  const step = typeof schema.multipleOf === 'number' && schema.multipleOf > 0 ? schema.multipleOf : undefined;
  const [low, high] = window(bounds);
  for (let attempt = 0; attempt < 20; attempt++) {
    let value: number;
    if (step !== undefined) {
      const first = Math.ceil(low / step);
      const last = Math.floor(high / step);
      if (last < first) break;
      const k = rng.int(first, Math.min(last, first + 1000));
      value = Number((k * step).toPrecision(15));
    } else if (integer) {
      const lo = Math.ceil(low);
      value = rng.int(lo, Math.min(Math.floor(high), lo + 1000));
    } else {
      const exact = low + rng.next() * (high - low);
      const rounded = Math.round(exact * 100) / 100;
      value = fits(rounded) ? rounded : exact;
    }
    if (fits(value)) return value;
  }
  return exhaustiveNear(low, high, step, integer, fits);
}

/** A comfortable window of the allowed range: small non-negative numbers when allowed, else near a bound. */
function window(bounds: NumericBounds): [number, number] {
  const low = bounds.low ?? -Infinity;
  const high = bounds.high ?? Infinity;
  if (low <= 0 && high >= 0) return [Math.max(low, 0), Math.min(high, 1000)];
  if (low > 0) return [low, Math.min(high, low + 1000)];
  return [Math.max(low, high - 1000), high];
}

function exhaustiveNear(low: number, high: number, step: number | undefined, integer: boolean, fits: (v: number) => boolean): number {
  const unit = step ?? (integer ? 1 : 0.5);
  const start = Math.ceil(low / unit) * unit;
  for (let i = 0; i < 50; i++) {
    const value = start + i * unit;
    if (value > high) break;
    if (fits(value)) return value;
  }
  // Nothing fits (contradictory schema): the verifier will refuse whatever is returned.
  return start;
}
