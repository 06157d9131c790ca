// Patterns are also run by data generation (a negative case needs a string that misses the pattern) and
// by `#regex:` extraction in scenarios. Both used V8's backtracking engine: `^(0+)+1$` against forty 0s
// never ends there. Each test below finishes only because the search is linear-time (vitest's timeout
// would fail it otherwise; the event loop would be blocked for longer than the age of the universe).
import { describe, expect, it } from 'vitest';
import { negativeAgent } from '../../src/agents/negative/agent.js';
import { parseExtractExpression, extractInto } from '../../src/execution/load/scenario.js';
import { extractValue } from '../../src/execution/scenario-vars.js';
import { loadSpec } from '../../src/spec/load.js';
import { PatternGuard } from '../../src/core/safe-pattern.js';
import { openapi } from './spec-harness.js';

const EVIL = '^(0+)+1$';
const ZEROS = '0'.repeat(40);

describe('catastrophic patterns outside validation', () => {
  it('negative data generation plans violations of a backtracking pattern', async () => {
    const model = await loadSpec('-', {
      stdin: openapi({
        '/codes': {
          post: {
            requestBody: { content: { 'application/json': { schema: { type: 'object', required: ['code'], properties: { code: { type: 'string', pattern: EVIL, minLength: 40 } } } } } },
            responses: { '200': { description: 'ok' } },
          },
        },
      }),
    });
    const plan = negativeAgent.plan(model, model.operations, { seed: 1, maxExamples: 5, identities: [] });
    // The length violation (39 zeros) is checked against the schema, pattern included: the backtracking case.
    const planned = JSON.stringify(plan.cases);
    expect(planned).toContain('a string not matching the pattern ^(0+)+1$');
    expect(planned).toContain('length 39, below minLength 40');
  }, 60_000);

  it('#regex: extraction in a run scenario: no match, promptly', () => {
    const response = { status: 201, headers: { location: ZEROS }, body: '' };
    expect(extractValue(`$response.header.Location#regex:${EVIL}`, response as never)).toEqual({ problem: `${ZEROS} does not match` });
  });

  it('#regex: extraction in a load scenario: no match, promptly', () => {
    const source = parseExtractExpression(`$response.header.Location#regex:${EVIL}`);
    expect(typeof source).not.toBe('string');
    const step = { extractors: [{ name: 'id', ...(source as object) }] };
    const failure = extractInto(step as never, { status: 201, headers: { location: ZEROS }, body: '' } as never, new Map());
    expect(failure).toMatch(/does not match the pattern/);
  });

  it('a pattern RE2 cannot read runs under a time limit, then is given up with a note', () => {
    const guard = new PatternGuard(50);
    const pattern = guard.compile('^(?=0)(0+)+\\1$');
    expect(pattern.engine).toBe('bounded');
    expect(pattern.search(ZEROS + '1').kind).toBe('not-checked');
    expect(pattern.search('00').kind).toBe('not-checked');
    expect(guard.notes()).toEqual(['pattern "^(?=0)(0+)+\\\\1$" was not checked after a search took over 50 ms (the linear-time engine cannot read it, so it ran on the backtracking one)']);
    expect(new PatternGuard().compile('^(?=0)(0)\\1$').search('00')).toEqual({ kind: 'match', groups: ['00', '0'] });
  });
});
