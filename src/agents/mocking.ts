// Data-Mocking: realistic, schema-valid request datasets for an operation (names, emails, addresses,
// money, dates, text in several scripts), for `sentinel mock` and as the mocking agent's cases.
import type { ApiModel, Operation } from '../spec/model.js';
import type { Agent, AgentContext, AgentOutput } from './agent.js';
import { deriveSeed } from './data/prng.js';
import { createValueGenerator } from './data/values.js';
import type { PlannedRequest } from '../core/test-case.js';
import { validRequest } from './valid-request.js';

export interface MockDatasets {
  requests: PlannedRequest[];
  /** Required parts for which no valid value could be generated (then `requests` is empty). */
  missing: string[];
}

/** `n` valid, realistic requests for one operation; the same seed gives the same datasets. */
export function mockOperation(model: ApiModel, operation: Operation, n: number, seed: number): MockDatasets {
  const generator = createValueGenerator(model, deriveSeed(seed, `mocking ${operation.key}`));
  const requests: PlannedRequest[] = [];
  for (let i = 0; i < n; i++) {
    // The first dataset uses the spec's examples; the others are generated, optional parts at random.
    const { request, missing } = validRequest(generator, operation, { optional: 'some', variant: -1, useExamples: i === 0 });
    if (missing.length > 0) return { requests: [], missing };
    requests.push(request);
  }
  return { requests, missing: [] };
}

export const mockingAgent: Agent = {
  name: 'mocking',
  description: 'Realistic valid datasets per operation (faker-backed names, emails, addresses, money, dates, multilingual text)',
  plan(model: ApiModel, operations: Operation[], context: AgentContext): AgentOutput {
    const output: AgentOutput = { cases: [], scenarios: [], notes: [] };
    for (const operation of operations) {
      const { requests, missing } = mockOperation(model, operation, Math.max(1, context.maxExamples), context.seed);
      if (missing.length > 0) output.notes.push(`${operation.key}: no valid value could be generated for ${missing.join(', ')}; mock datasets skipped`);
      requests.forEach((request, index) =>
        output.cases.push({
          id: `mocking:${operation.key}:dataset-${index + 1}`,
          agent: 'mocking',
          operation: operation.key,
          title: `${operation.key}: realistic dataset ${index + 1}`,
          expectation: 'accept',
          request,
        }),
      );
    }
    return output;
  },
};
