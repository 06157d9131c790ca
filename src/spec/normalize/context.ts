// What every normalizer step shares: the dialect, the schema converter and the warnings list.
import type { Dialect, SpecDiagnostic } from '../model.js';
import type { SchemaConverter } from '../schema-convert.js';

export type Obj = Record<string, unknown>;

export interface NormalizeContext {
  /** The file name used in warnings. */
  file: string;
  dialect: Dialect;
  schemas: SchemaConverter;
  warnings: SpecDiagnostic[];
  /** Swagger 2 only: document-level `consumes` / `produces`. */
  consumes: string[];
  produces: string[];
}

export function warn(ctx: NormalizeContext, code: string, message: string, pointer: string): void {
  ctx.warnings.push({ severity: 'warning', code, message, pointer, file: ctx.file });
}

export function isObj(value: unknown): value is Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function asObj(value: unknown): Obj {
  return isObj(value) ? value : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function stringList(value: unknown): string[] {
  return asArray(value).filter((item): item is string => typeof item === 'string');
}

/** `example` and `examples` (a map of Example Objects, whose `value` is the example) as one list. */
export function collectExamples(holder: Obj): unknown[] {
  const out: unknown[] = [];
  if ('example' in holder) out.push(holder.example);
  for (const example of Object.values(asObj(holder.examples))) {
    if (isObj(example) && 'value' in example) out.push(example.value);
  }
  return out;
}

/** A value for a message: short, one line, safe on any data (even data a `$ref` made circular). */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value === null || typeof value === 'number' || typeof value === 'boolean' || value === undefined) return String(value);
  return Array.isArray(value) ? 'an array' : 'an object';
}
