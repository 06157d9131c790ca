// Functional-Negative: requests the API must refuse (one violated constraint each: wrong type, a bound,
// pattern, format or enum violated, a required part missing, an unknown property, malformed or empty
// or mistyped bodies), boundary values just inside (accept) and just outside (reject), and two probes:
// an undeclared method per path and a missing required header per operation.
import type { ApiModel, Operation } from '../../spec/model.js';
import type { Agent, AgentContext, AgentOutput } from '../agent.js';
import { deriveSeed } from '../data/prng.js';
import { createValueGenerator } from '../data/values.js';
import { bodyCases } from './body-cases.js';
import { idAllocator } from './cases.js';
import { parameterCases } from './param-cases.js';
import { missingHeaderProbe, unsupportedMethodProbes } from './probes.js';
import type { TestCase } from '../../core/test-case.js';
import { validRequest } from '../valid-request.js';

export const negativeAgent: Agent = {
  name: 'negative',
  description: 'Invalid input (one violated constraint each), boundary values, undeclared methods, missing required headers',
  plan(model: ApiModel, operations: Operation[], context: AgentContext): AgentOutput {
    const output: AgentOutput = { cases: [], scenarios: [], notes: [] };
    const limit = Math.max(1, context.maxExamples);
    for (const operation of operations) {
      const generator = createValueGenerator(model, deriveSeed(context.seed, `negative ${operation.key}`));
      // The base request has every optional part, so that each part's constraints can be probed, and the
      // spec's examples where there are some (their ids name things that exist: a probe must fail on
      // the violated constraint, not on a missing item).
      const { request, missing } = validRequest(generator, operation, { optional: 'all', variant: 0, useExamples: true });
      if (missing.length > 0) {
        output.notes.push(`${operation.key}: no valid value could be generated for ${missing.join(', ')}; negative cases skipped`);
        continue;
      }
      const nextId = idAllocator('negative', operation);
      const cases: TestCase[] = [
        ...parameterCases(operation, request, generator, nextId, limit),
        ...bodyCases(operation, request, generator, nextId, limit),
      ];
      const headerProbe = missingHeaderProbe(operation, request, nextId);
      if (headerProbe !== undefined) cases.push(headerProbe);
      output.cases.push(...cases);
    }
    output.cases.push(...unsupportedMethodProbes(model, operations, context.seed));
    return output;
  },
};
