// Functional-Positive: for every operation, requests the API must accept. First the spec's examples
// with only the required parts, then variations with every optional parameter and property, one per
// enum value / branch index until every choice has been sent once (bounded by maxExamples).
import type { ApiModel, Operation } from '../spec/model.js';
import type { Agent, AgentContext, AgentOutput } from './agent.js';
import { variantsNeeded } from './coverage.js';
import { deriveSeed } from './data/prng.js';
import { createValueGenerator, type ValueGenerator } from './data/values.js';
import type { TestCase } from '../core/test-case.js';
import { chooseContent, validRequest, type ValidRequestOptions } from './valid-request.js';

export const positiveAgent: Agent = {
  name: 'positive',
  description: 'Schema-valid requests (examples first) covering every optional parameter, property and enum value',
  plan(model: ApiModel, operations: Operation[], context: AgentContext): AgentOutput {
    const output: AgentOutput = { cases: [], scenarios: [], notes: [] };
    for (const operation of operations) {
      const generator = createValueGenerator(model, deriveSeed(context.seed, `positive ${operation.key}`));
      const planned = planOperation(model, operation, generator, Math.max(1, context.maxExamples));
      output.cases.push(...planned.cases);
      output.notes.push(...planned.notes);
    }
    return output;
  },
};

interface Variation {
  label: string;
  title: string;
  options: ValidRequestOptions;
}

function variations(model: ApiModel, operation: Operation, maxExamples: number): Variation[] {
  const out: Variation[] = [
    { label: 'examples', title: 'spec examples, required parts only', options: { optional: 'none', variant: 0, useExamples: true } },
  ];
  const extraExamples = Math.max(0, (chooseContent(operation)?.examples.length ?? 0) - 1);
  const needed = variantsNeeded(model, operation);
  for (let variant = 0; variant < needed && out.length < maxExamples; variant++) {
    const title = needed > 1 ? `every optional part, choice ${variant + 1} of ${needed}` : 'every optional part';
    out.push({ label: `all-optional-${variant + 1}`, title, options: { optional: 'all', variant, useExamples: false } });
  }
  for (let n = 0; n < extraExamples && out.length < maxExamples; n++) {
    out.push({ label: `example-${n + 2}`, title: `body example ${n + 2}`, options: { optional: 'none', variant: n + 1, useExamples: true, exampleIndex: n + 1 } });
  }
  return out.slice(0, maxExamples);
}

function planOperation(model: ApiModel, operation: Operation, generator: ValueGenerator, maxExamples: number): { cases: TestCase[]; notes: string[] } {
  const cases: TestCase[] = [];
  const seen = new Set<string>();
  for (const variation of variations(model, operation, maxExamples)) {
    const { request, missing } = validRequest(generator, operation, variation.options);
    if (missing.length > 0) {
      return { cases: [], notes: [`${operation.key}: no valid value could be generated for ${missing.join(', ')}; positive cases skipped`] };
    }
    // Two variations can produce the same request (no optional parts, no choices): send it once.
    const key = JSON.stringify(request);
    if (seen.has(key)) continue;
    seen.add(key);
    cases.push({
      id: `positive:${operation.key}:${variation.label}`,
      agent: 'positive',
      operation: operation.key,
      title: `${operation.key}: ${variation.title}`,
      expectation: 'accept',
      request,
    });
  }
  return { cases, notes: [] };
}
