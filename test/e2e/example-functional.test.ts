// The functional agents (issue 3) against the example Shop API: every seeded functional defect is found
// with its check and operation.
import { expect, it } from 'vitest';
import { describeAgentsAgainstExample, failsInJunit } from './example-harness.js';

describeAgentsAgainstExample(['positive', 'negative'], ['positive', 'negative'], (run, defects) => {
  it.each(defects.map((d) => [d.check, d.operations[0]] as const))('fails the JUnit case %s in the suite of %s', (check, operation) => {
    expect(failsInJunit(run().junit, check, operation), run().junit.slice(0, 2000)).toBe(true);
  });
});
