// A request without a required header parameter must be refused; a 2xx means the API never checks it.
import type { Check } from './check.js';
import { headerValue, isSuccess } from './applies.js';

/** OpenAPI ignores header parameters with these names: they are governed elsewhere. */
const NOT_PARAMETERS = new Set(['accept', 'content-type', 'authorization']);

export const missingRequiredHeader: Check = {
  id: 'missing_required_header',
  severity: 'medium',
  description: 'A request that omitted a required header parameter was accepted with a 2xx.',
  remediation: 'Refuse requests that lack the required header with a 4xx, or mark the header optional in the description.',
  optIn: true,
  run({ exchange, testCase, operation }) {
    const response = exchange.response;
    if (!response || !isSuccess(response.status)) return [];
    // A probe that names the header it left out is judged on that header alone.
    const target = testCase.mutation?.location === 'header' ? testCase.mutation.target.toLowerCase() : undefined;
    const required = operation.parameters.filter(
      (parameter) =>
        parameter.in === 'header' &&
        parameter.required &&
        !NOT_PARAMETERS.has(parameter.name.toLowerCase()) &&
        (target === undefined || parameter.name.toLowerCase() === target),
    );
    // Judge only headers that were really absent from what went on the wire (a --header may add them back).
    const omitted = required.filter((parameter) => headerValue(exchange.request.headers, parameter.name) === undefined);
    return omitted.map((parameter) => ({
      title: `Required header ${parameter.name} not enforced`,
      message: `The request omitted the required header ${parameter.name} but the API answered ${response.status} instead of a 4xx.`,
      cause: parameter.name.toLowerCase(),
    }));
  },
};
