// Valid input refused: a schema-valid request got a 4xx that blames the input.
import type { TestCase } from '../../core/test-case.js';
import type { ReceivedResponse } from '../../core/exchange.js';
import type { Check } from './check.js';
import { isClientError, usesDocumentedMethod } from './applies.js';

/**
 * 4xx answers that do not say the input is invalid: credentials (401, 403), state of the world (404 for an
 * id that does not exist, 409 conflict, 410 gone, 412/428 preconditions, 423/424), limits and transport
 * (408, 413, 414, 429, 431), legal (451). Refusing valid data looks like 400, 415, 422 and the rest.
 */
const NOT_ABOUT_INPUT = new Set([401, 403, 404, 408, 409, 410, 412, 413, 414, 423, 424, 428, 429, 431, 451]);

/** A body saying a referenced thing is missing: valid by the schema, refused because of stored state. */
const MISSING_REFERENCE = /\b(not found|does not exist|doesn't exist|no such|unknown (id|\w+ id))\b/i;

export const positiveDataAcceptance: Check = {
  id: 'positive_data_acceptance',
  severity: 'medium',
  description: 'A request that matches the documented schema was refused with a 4xx that blames the input (400, 415, 422...).',
  remediation: 'Accept every value the schema allows, or tighten the schema so it documents the real constraint.',
  appliesTo: sendsValidData,
  run({ exchange, testCase }) {
    const response = exchange.response;
    if (!sendsValidData(testCase) || !response) return [];
    if (!refusesInput(response)) return [];
    return [
      {
        title: `Valid input refused with ${response.status}`,
        message: `The request matched the documented schema but the API answered ${response.status}.`,
        cause: `status:${response.status}`,
        evidence: response.body.trim().slice(0, 300) || undefined,
      },
    ];
  },
};

/** Valid data with the operation's method and the usual credentials (tampered or absent ones may draw a 400). */
function sendsValidData(testCase: TestCase): boolean {
  const { identity, authOverride } = testCase.request;
  return testCase.expectation === 'accept' && usesDocumentedMethod(testCase) && identity !== null && authOverride === undefined;
}

function refusesInput(response: ReceivedResponse): boolean {
  if (!isClientError(response.status) || NOT_ABOUT_INPUT.has(response.status)) return false;
  return !MISSING_REFERENCE.test(response.body.slice(0, 2000));
}
