// Regular expressions written by others (a description's `pattern`, a `#regex:` extraction) run against
// text sent by others (a target's answers). V8's backtracking engine takes exponential time on patterns
// like `^(a+)+$`, blocking the event loop (and Ctrl-C) for minutes. Patterns therefore run on RE2
// (re2js, pure JavaScript, linear time). The few it cannot read (lookarounds, backreferences) run on the
// JavaScript engine inside a `vm` context with a time limit; a pattern that once exceeds it is not used
// again, and the guard's notes say so.
import { createContext, Script } from 'node:vm';
import { RE2JS } from 're2js';

/** What a search gave: a match with its groups, no match, or no answer in time (the pattern is not judged). */
export type SearchResult =
  | { kind: 'match'; groups: (string | undefined)[] }
  | { kind: 'no-match' }
  | { kind: 'not-checked' };

export interface SafePattern {
  readonly source: string;
  /** `linear`: RE2, any input; `bounded`: the JavaScript engine under a time limit. */
  readonly engine: 'linear' | 'bounded';
  search(text: string): SearchResult;
}

/** Time one search with the JavaScript engine may take before the pattern is given up. */
export const BOUNDED_SEARCH_MS = 100;

/**
 * Compiles patterns safely and remembers which ones could not be used, for a run's notes. One guard per
 * model (see patternGuardFor): the run's validator and its data generation share what they learned.
 */
export class PatternGuard {
  private readonly compiled = new Map<string, SafePattern>();
  private readonly givenUp = new Map<string, string>();
  private readonly sandbox = createContext({ pattern: undefined, text: '', found: null });
  private readonly searchScript = new Script('found = pattern.exec(text)');

  constructor(private readonly limitMs = BOUNDED_SEARCH_MS) {}

  /** The pattern, or a SyntaxError when neither engine reads it (as `new RegExp` would throw). */
  compile(source: string, flags = ''): SafePattern {
    const key = `${flags}/${source}`;
    const known = this.compiled.get(key);
    if (known !== undefined) return known;
    const pattern = linear(source, flags) ?? this.bounded(source, flags);
    this.compiled.set(key, pattern);
    return pattern;
  }

  /** One line per pattern that was given up (its searches after that were not checked). */
  notes(): string[] {
    return [...this.givenUp].map(([source, why]) => `pattern ${JSON.stringify(source)} was not checked after a search took over ${this.limitMs} ms (${why})`);
  }

  private bounded(source: string, flags: string): SafePattern {
    const regex = new RegExp(source, flags.replace(/[gy]/g, ''));
    const guard = this;
    return {
      source,
      engine: 'bounded',
      search(text) {
        if (guard.givenUp.has(source)) return { kind: 'not-checked' };
        guard.sandbox.pattern = regex;
        guard.sandbox.text = text;
        try {
          guard.searchScript.runInContext(guard.sandbox, { timeout: guard.limitMs });
        } catch (error) {
          if ((error as { code?: string }).code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw error;
          guard.givenUp.set(source, 'the linear-time engine cannot read it, so it ran on the backtracking one');
          return { kind: 'not-checked' };
        } finally {
          guard.sandbox.text = '';
        }
        const found = guard.sandbox.found as RegExpExecArray | null;
        return found === null ? { kind: 'no-match' } : { kind: 'match', groups: [...found] };
      },
    };
  }
}

function linear(source: string, flags: string): SafePattern | undefined {
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(source, flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0);
  } catch {
    return undefined;
  }
  return {
    source,
    engine: 'linear',
    search(text) {
      const matcher = compiled.matcher(text);
      if (!matcher.find()) return { kind: 'no-match' };
      const groups: (string | undefined)[] = [];
      for (let group = 0; group <= matcher.groupCount(); group++) groups.push(matcher.group(group) ?? undefined);
      return { kind: 'match', groups };
    },
  };
}

const guards = new WeakMap<object, PatternGuard>();

/** The guard of one model (or any object a run is keyed on). */
export function patternGuardFor(owner: object): PatternGuard {
  let guard = guards.get(owner);
  if (guard === undefined) {
    guard = new PatternGuard();
    guards.set(owner, guard);
  }
  return guard;
}

/** Ajv's `code.regExp` option: schema patterns through the guard; a pattern not judged in time passes. */
export function ajvRegExpEngine(guard: PatternGuard): { (pattern: string, flags: string): { test(text: string): boolean; toString(): string }; code: string } {
  const engine = (pattern: string, flags: string) => {
    const compiled = guard.compile(pattern, flags);
    return {
      test: (text: string) => compiled.search(text).kind !== 'no-match',
      toString: () => `/${pattern}/${flags}`,
    };
  };
  // Only read by Ajv's standalone code generation, which Sentinel does not use.
  return Object.assign(engine, { code: 'sentinel-safe-pattern' });
}
