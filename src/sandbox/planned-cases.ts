// What a plugin agent returns, checked on the way out of the sandbox: test cases in the engine's JSON form
// (core/test-case.ts). The first problem is reported with the case's position and the field's path.
import { z } from 'zod';
import type { TestCase } from '../core/test-case.js';

const values = z.record(z.string(), z.unknown());

const plannedCase = z.strictObject({
  id: z.string().min(1),
  operation: z.string().regex(/^[A-Z]+ \/\S*$/, 'expected "METHOD /path" as in the description'),
  title: z.string().min(1),
  expectation: z.enum(['accept', 'reject', 'any']),
  request: z.strictObject({
    method: z.string().regex(/^[a-z]+$/, 'expected a lower-case HTTP method'),
    pathParams: values.default({}),
    query: values.default({}),
    headers: values.default({}),
    cookies: values.default({}),
    body: z.strictObject({ mediaType: z.string().min(1), value: z.unknown().optional(), raw: z.string().optional() }).optional(),
    identity: z.string().nullable().optional(),
    authOverride: z.record(z.string(), z.string()).optional(),
  }),
  mutation: z
    .strictObject({
      location: z.enum(['path', 'query', 'header', 'cookie', 'body']),
      target: z.string(),
      constraint: z.string(),
      description: z.string(),
    })
    .optional(),
  checks: z.array(z.string()).optional(),
});

const plannedCases = z.array(plannedCase);

/** The agent's cases, marked as its own; or the first problem as `case [i] field.path: reason`. */
export function validatePlannedCases(agent: string, output: unknown): { cases: TestCase[] } | { problem: string } {
  const parsed = plannedCases.safeParse(output);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const [index, ...field] = issue.path;
    if (index === undefined) return { problem: `plan must return a list of test cases: ${issue.message}` };
    const where = field.length > 0 ? field.join('.') : '(the case)';
    const reason = issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}` : issue.message;
    return { problem: `case [${String(index)}] ${where}: ${reason}` };
  }
  return { cases: parsed.data.map((planned) => ({ ...planned, agent: agent } as TestCase)) };
}
