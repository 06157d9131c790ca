// The value generator agents use: valid values (each verified against the schema before it is handed
// out), boundary values and invalid values (each verified to be accepted or rejected as intended).
// Everything is drawn from one seeded stream: the same seed and call order give the same values.
import type { ApiModel, JsonSchema, ParameterLocation } from '../../spec/model.js';
import { boundaryCandidates } from './boundaries.js';
import type { Candidate, LeafContext, LeafInput } from './candidates.js';
import { generateValue, type GenerateOptions, type OptionalPolicy } from './generate.js';
import { createRng, type Rng } from './prng.js';
import { walkProbes } from './probe-walk.js';
import { requestView, withoutReadOnly } from './request-view.js';
import { sharedValidator } from './shared-validator.js';
import { violationCandidates } from './violations.js';

export interface ValueHint {
  /** The field or parameter name: picks realistic values (an `email` gets an address). */
  name?: string;
  /** Where the value travels; parameters are text and headers/cookies ASCII. Default `body`. */
  location?: ParameterLocation | 'body';
  /** The value travels as text even in a body (form and multipart fields). */
  text?: boolean;
  /** Spec examples, tried first (and kept only if valid). */
  examples?: unknown[];
  /** Use schema-level `examples` on the first attempt; default true. */
  schemaExamples?: boolean;
  /** Which optional properties to include; default `some`. */
  optional?: OptionalPolicy;
  /** A non-negative variant picks the variant-th enum value and branch (for coverage); default random. */
  variant?: number;
}

/** A boundary or invalid value, ready to send. */
export interface Probe {
  /** The whole value (parameter value or body) with one spot changed; undefined means "omit it". */
  value: unknown;
  /** JSON pointer of the changed spot, `''` for the value itself. */
  pointer: string;
  /** The probed or violated keyword. */
  constraint: string;
  description: string;
  expectation: 'accept' | 'reject';
}

export interface GenerationStats {
  /** Valid values handed out (each verified). */
  valid: number;
  /** Candidates that failed verification and were replaced by a retry. */
  retried: number;
  /** Schemas for which no verified valid value could be found (nothing was handed out). */
  dropped: number;
  /** Boundary and invalid probes whose verification did not confirm them (not handed out). */
  probesDropped: number;
}

export interface ValueValidator {
  validate(schema: JsonSchema, value: unknown): { valid: boolean; errors: { pointer: string; keyword: string; message: string }[] };
}

export interface ValueGenerator {
  /** A schema-valid, realistic value; `undefined` when none could be verified (counted as dropped). */
  valid(schema: JsonSchema, hint?: ValueHint): unknown;
  /** Values exactly on each bound (accept) and one step past it (reject), each verified. */
  boundaries(schema: JsonSchema, hint?: ValueHint & { base?: unknown }): Probe[];
  /** Values violating one constraint each, each verified to be rejected by the schema. */
  invalid(schema: JsonSchema, hint?: ValueHint & { base?: unknown }): Probe[];
  stats(): GenerationStats;
  /** A seeded coin flip from the same stream (for choices around values, like optional parameters). */
  chance(probability: number): boolean;
}

export interface ValueGeneratorOptions {
  /** Default: the model's shared validator (`createSchemaValidator`, compiled schemas shared across agents). */
  validator?: ValueValidator;
  /** Nesting to descend into for probes; default 3. */
  probeDepth?: number;
  /** Probes per call at most; default 200. */
  maxProbes?: number;
}

const ATTEMPTS = 6;

/**
 * Optional parts per attempt (undefined: as the caller asked). When the asked-for shape cannot be made
 * valid (`{}` matching two oneOf branches, an optional part that cannot be satisfied), later attempts
 * try more and then fewer optional parts.
 */
const OPTIONAL_SCHEDULE: (OptionalPolicy | undefined)[] = [undefined, undefined, undefined, 'all', 'some', 'none'];

export function createValueGenerator(model: ApiModel, seed: number, options: ValueGeneratorOptions = {}): ValueGenerator {
  const validator = options.validator ?? sharedValidator(model);
  const rng = createRng(seed);
  const stats: GenerationStats = { valid: 0, retried: 0, dropped: 0, probesDropped: 0 };
  const limits = { maxDepth: options.probeDepth ?? 3, maxProbes: options.maxProbes ?? 200 };

  const isValid = (schema: JsonSchema, value: unknown) => value !== undefined && validator.validate(schema, value).valid;

  const valid = (schema: JsonSchema, hint: ValueHint = {}): unknown => {
    const view = requestView(schema);
    for (const written of hint.examples ?? []) {
      const example = withoutReadOnly(model, schema, written);
      if (isValid(view, example)) {
        stats.valid++;
        return example;
      }
    }
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const value = generateValue(contextFor(model, rng, hint, attempt), view, hint.name);
      if (isValid(view, value)) {
        stats.valid++;
        return value;
      }
      stats.retried++;
    }
    stats.dropped++;
    return undefined;
  };

  const leafContext = (hint: ValueHint): LeafContext => ({
    model,
    rng,
    asText: (hint.location ?? 'body') !== 'body' || hint.text === true,
    fresh: (schema, name) => generateValue(contextFor(model, rng, { ...hint, optional: 'none' }, 0), schema as JsonSchema, name),
  });

  const probes = <C extends Candidate>(
    schema: JsonSchema,
    hint: ValueHint & { base?: unknown },
    leaf: (ctx: LeafContext, input: LeafInput) => C[],
    expectationOf: (candidate: C) => 'accept' | 'reject',
  ): Probe[] => {
    const view = requestView(schema);
    const base = hint.base !== undefined ? hint.base : valid(schema, { ...hint, optional: hint.optional ?? 'all' });
    if (base === undefined) return [];
    const out: Probe[] = [];
    const seen = new Set<string>();
    for (const placed of walkProbes(leafContext(hint), view, base, leaf, limits, hint.name)) {
      const expectation = expectationOf(placed.candidate);
      const key = `${placed.pointer}|${placed.candidate.constraint}|${expectation}|${JSON.stringify(placed.value)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (!confirms(placed.value, expectation, hint.location)) {
        stats.probesDropped++;
        continue;
      }
      const { constraint, description } = placed.candidate;
      out.push({ value: placed.value, pointer: placed.pointer, constraint, description, expectation });
    }
    return out;

    function confirms(value: unknown, expectation: 'accept' | 'reject', location: ValueHint['location']): boolean {
      // An empty path parameter changes the route instead of probing the value.
      if (location === 'path' && (value === '' || value === undefined)) return false;
      if (value === undefined) return expectation === 'reject';
      return validator.validate(view, value).valid === (expectation === 'accept');
    }
  };

  return {
    valid,
    boundaries: (schema, hint = {}) => probes(schema, hint, boundaryCandidates, (c) => c.expectation),
    invalid: (schema, hint = {}) => probes(schema, hint, violationCandidates, () => 'reject'),
    stats: () => ({ ...stats }),
    chance: (probability) => rng.chance(probability),
  };
}

function contextFor(model: ApiModel, rng: Rng, hint: ValueHint, attempt: number): { model: ApiModel; rng: Rng; options: GenerateOptions } {
  const location = hint.location ?? 'body';
  return {
    model,
    rng,
    options: {
      optional: OPTIONAL_SCHEDULE[attempt] ?? hint.optional ?? 'some',
      // A variant that led to an invalid value would lead there again: later attempts choose at random.
      variant: attempt < 2 ? (hint.variant ?? -1) : -1,
      asciiOnly: location === 'header' || location === 'cookie',
      useExamples: attempt === 0 && hint.schemaExamples !== false,
      maxDepth: 4,
      exclusive: attempt >= 2,
    },
  };
}
