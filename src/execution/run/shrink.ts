// Shrinking: a finding's request loses optional parts (query, header and cookie parameters, body
// properties) one at a time, kept out only while the same check still fails for the same cause. The
// part a negative case mutated is never dropped: without it the case would test something else.
import type { PlannedRequest, TestCase } from '../../core/test-case.js';
import type { Exchange } from '../../core/exchange.js';
import type { Operation } from '../../spec/model.js';
import type { Occurrence } from './findings.js';
import type { JudgedDraft } from './judge.js';
import { runBounded } from './work-queue.js';

export interface Removal {
  location: 'query' | 'header' | 'cookie' | 'body';
  name: string;
}

/** Optional parts present in the planned request, in a stable order. */
export function shrinkCandidates(operation: Operation, testCase: TestCase): Removal[] {
  const request = testCase.request;
  const mutation = testCase.mutation;
  const protectedName = (location: Removal['location'], name: string) =>
    mutation !== undefined && mutation.location === location && (location === 'body' ? mutation.target.split('/')[1] === name : mutation.target === name);
  const removals: Removal[] = [];
  const byLocation = { query: request.query, header: request.headers, cookie: request.cookies } as const;
  for (const location of ['query', 'header', 'cookie'] as const) {
    for (const name of Object.keys(byLocation[location])) {
      const declared = operation.parameters.find((p) => p.in === location && p.name.toLowerCase() === name.toLowerCase());
      if (declared === undefined || declared.required || protectedName(location, name)) continue;
      removals.push({ location, name });
    }
  }
  const body = request.body;
  if (body !== undefined && body.raw === undefined && isPlainObject(body.value)) {
    const content = operation.requestBody?.content.find((c) => c.mediaType === body.mediaType);
    const schema = content?.schema;
    const required = new Set(typeof schema === 'object' && Array.isArray(schema.required) ? (schema.required as string[]) : []);
    for (const name of Object.keys(body.value)) {
      if (!required.has(name) && !protectedName('body', name)) removals.push({ location: 'body', name });
    }
  }
  return removals;
}

export function withoutPart(request: PlannedRequest, removal: Removal): PlannedRequest {
  const drop = (record: Record<string, unknown>) => Object.fromEntries(Object.entries(record).filter(([name]) => name !== removal.name));
  switch (removal.location) {
    case 'query':
      return { ...request, query: drop(request.query) };
    case 'header':
      return { ...request, headers: drop(request.headers) };
    case 'cookie':
      return { ...request, cookies: drop(request.cookies) };
    case 'body':
      return { ...request, body: { ...request.body!, value: drop(request.body!.value as Record<string, unknown>) } };
  }
}

/** Sends a variant and judges it with the finding's check only. */
export type TryVariant = (testCase: TestCase) => Promise<{ exchange: Exchange; judged: JudgedDraft[] }>;

export interface ShrinkResult {
  testCase: TestCase;
  exchange: Exchange;
  removed: Removal[];
  requests: number;
}

/** Greedy, bounded by `maxRequests` extra requests for this finding. */
export async function shrink(
  operation: Operation,
  testCase: TestCase,
  exchange: Exchange,
  target: { check: string; cause: string },
  tryVariant: TryVariant,
  maxRequests: number,
): Promise<ShrinkResult> {
  let current = { testCase, exchange };
  const removed: Removal[] = [];
  let requests = 0;
  for (const removal of shrinkCandidates(operation, testCase)) {
    if (requests >= maxRequests) break;
    const variant: TestCase = { ...current.testCase, request: withoutPart(current.testCase.request, removal) };
    const attempt = await tryVariant(variant);
    requests += 1;
    if (attempt.judged.some((j) => j.check === target.check && j.draft.cause === target.cause)) {
      current = { testCase: variant, exchange: attempt.exchange };
      removed.push(removal);
    }
  }
  return { ...current, removed, requests };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Shrinks every case finding (scenario findings keep their steps as they ran), within a per-finding and
 * a per-run budget of extra requests. Replaces each occurrence's evidence with the shrunk exchange.
 */
export async function shrinkOccurrences(
  occurrences: Occurrence[],
  operationsByKey: Map<string, Operation>,
  concurrency: number,
  budget: { perFinding: number; total: number },
  tryVariant: TryVariant,
): Promise<void> {
  if (budget.perFinding <= 0) return;
  let left = budget.total;
  const candidates = occurrences.filter((o) => o.steps === undefined && o.exchange.response !== undefined);
  await runBounded(candidates, concurrency, async (occurrence) => {
    const allowed = Math.min(budget.perFinding, left);
    if (allowed <= 0) return;
    left -= allowed;
    const operation = operationsByKey.get(occurrence.operation)!;
    const target = { check: occurrence.judged.check, cause: occurrence.judged.draft.cause };
    const result = await shrink(operation, occurrence.testCase, occurrence.exchange, target, tryVariant, allowed);
    left += allowed - result.requests;
    occurrence.testCase = result.testCase;
    occurrence.exchange = result.exchange;
  });
}
