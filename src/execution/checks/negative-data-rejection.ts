// Invalid input accepted: a case built to violate the schema got a 2xx.
import type { Check } from './check.js';
import { isSuccess } from './applies.js';

export const negativeDataRejection: Check = {
  id: 'negative_data_rejection',
  severity: 'medium',
  description: 'A request that violates the documented schema (wrong type, broken constraint, missing required part) was accepted with a 2xx.',
  remediation: 'Validate the input against the documented constraints and refuse violations with 400 or 422.',
  appliesTo: (testCase) => testCase.expectation === 'reject',
  run({ exchange, testCase }) {
    const response = exchange.response;
    if (testCase.expectation !== 'reject' || !response || !isSuccess(response.status)) return [];
    const mutation = testCase.mutation;
    const what = mutation ? `${mutation.location} ${mutation.target}: ${mutation.description}` : testCase.title;
    return [
      {
        title: mutation ? `Invalid input accepted (${mutation.constraint} of ${mutation.location} ${mutation.target})` : 'Invalid input accepted',
        message: `The request was invalid (${what}) but the API answered ${response.status} instead of a 4xx.`,
        cause: mutation ? `${mutation.constraint}:${mutation.location}:${mutation.target}` : `case:${testCase.title}`,
      },
    ];
  },
};
