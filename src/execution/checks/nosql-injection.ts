// nosql_injection by evidence: a query-operator object in place of a string that unlocks an answer the
// baseline did not get (a 4xx becoming 2xx, or more items listed), confirmed by two operators while a
// match-nothing operator does not get it; or a
// NoSQL driver error caused by the operator.
import type { Check, ScenarioCheck } from './check.js';
import { isClientError, isSuccess } from './applies.js';
import { findSignature, itemCount, payloadOf, withoutEchoes, type Signature } from './probe-evidence.js';
import { describeStep, responseOf, stepByRole } from './scenario-steps.js';

const REMEDIATION =
  'Accept only the documented types (a string must be a string) and never pass request objects into database queries.';

export const NOSQL_ERROR_SIGNATURES: readonly Signature[] = [
  { name: 'MongoDB', pattern: /\bMongo(?:Server)?Error\b|unknown (?:top level )?operator: \$\w+|Can't canonicalize query|\$where is not allowed/ },
  { name: 'Mongoose', pattern: /\bCastError: Cast to \w+ failed|\bBSON(?:Type)?Error\b/ },
];

const isNoSqlProbe = (constraint: string | undefined) => constraint?.startsWith('nosql_injection:') ?? false;

export const nosqlInjection: Check = {
  id: 'nosql_injection',
  severity: 'high',
  description: 'A NoSQL operator payload produced a driver error.',
  remediation: REMEDIATION,
  optIn: true,
  run({ exchange, testCase }) {
    const response = exchange.response;
    if (!response || !isNoSqlProbe(testCase.mutation?.constraint)) return [];
    const payload = payloadOf(testCase);
    const found = findSignature(withoutEchoes(response.body, payload), NOSQL_ERROR_SIGNATURES);
    if (found === undefined) return [];
    return [
      {
        title: `NoSQL injection: ${found.name} error`,
        message: `An operator object in the body (${testCase.mutation!.target}) reached the database driver, which reported an error.`,
        cause: 'driver_error',
        evidence: found.excerpt,
        ...(payload !== undefined ? { payload } : {}),
      },
    ];
  },
};

export const nosqlInjectionScenario: ScenarioCheck = {
  id: 'nosql_injection',
  severity: 'critical',
  description: 'Query operators in place of strings unlocked an answer the baseline did not get.',
  remediation: REMEDIATION,
  run({ steps }) {
    const [baselineStep, neStep, gtStep, controlStep] = ['baseline', 'operator-ne', 'operator-gt', 'operator-control'].map((role) => stepByRole(steps, role));
    const [base, ne, gt, control] = [baselineStep, neStep, gtStep, controlStep].map(responseOf);
    if (base === undefined || ne === undefined || gt === undefined || control === undefined) return [];
    if (!isSuccess(ne.status) || !isSuccess(gt.status)) return [];
    const baseCount = itemCount(base.json);
    const more = (json: unknown) => baseCount !== undefined && (itemCount(json) ?? 0) > baseCount;
    // The match-nothing control must not get what the operators got, or objects are merely ignored.
    const unlocked = isClientError(base.status) && !isSuccess(control.status);
    const widened = isSuccess(base.status) && more(ne.json) && more(gt.json) && !more(control.json);
    if (!unlocked && !widened) return [];
    const fields = neStep!.testCase.mutation?.target ?? 'string fields';
    return [
      {
        title: unlocked ? 'NoSQL injection: operator bypasses a check' : 'NoSQL injection: operator widens a query',
        message: unlocked
          ? `With ordinary values the API answered ${base.status}; with {"$ne": null} and {"$gt": ""} in ${fields} it answered ${ne.status} and ${gt.status}.`
          : `With operators in ${fields} the API listed ${itemCount(ne.json)} and ${itemCount(gt.json)} items instead of ${baseCount}.`,
        cause: unlocked ? 'operator_unlocks' : 'operator_widens',
        evidence: [baselineStep, neStep, gtStep, controlStep].map((step) => describeStep(step!)).join('\n'),
        payload: payloadOf(neStep!.testCase) ?? '{"$ne":null}',
      },
    ];
  },
};
