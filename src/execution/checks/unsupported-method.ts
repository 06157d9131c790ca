// A method the operation's path does not document must get 405 with an Allow header (RFC 9110 §15.5.6).
import type { Check } from './check.js';
import { headerValue, isSuccess } from './applies.js';

export const unsupportedMethod: Check = {
  id: 'unsupported_method',
  severity: 'low',
  description: 'A method the path does not document was answered with a 2xx, or with 405 but without the Allow header listing the supported methods.',
  remediation: 'Answer undocumented methods with 405 Method Not Allowed and an Allow header listing the supported methods.',
  optIn: true,
  run({ exchange, testCase, model }) {
    const response = exchange.response;
    if (!response) return [];
    const method = testCase.request.method.toUpperCase();
    const path = testCase.operation.slice(testCase.operation.indexOf(' ') + 1);
    // Another operation documents this method on the path: not an unsupported method at all.
    if (hasMethod(model.operations, path, method.toLowerCase())) return [];
    if (isSuccess(response.status)) {
      // Servers answer OPTIONS (CORS) and HEAD (for a GET) on their own: both are correct.
      if (method === 'OPTIONS' || (method === 'HEAD' && hasMethod(model.operations, path, 'get'))) return [];
      return [
        {
          title: `Undocumented method ${method} accepted`,
          message: `${method} ${path} is not documented but the API answered ${response.status}; expected 405 Method Not Allowed.`,
          cause: `accepted:${method}`,
        },
      ];
    }
    if (response.status === 405 && !headerValue(response.headers, 'allow')) {
      return [
        {
          title: '405 without an Allow header',
          message: `${method} ${path} was refused with 405 but the response has no Allow header listing the supported methods.`,
          cause: 'missing_allow',
        },
      ];
    }
    return [];
  },
};

function hasMethod(operations: { path: string; method: string }[], path: string, method: string): boolean {
  return operations.some((operation) => operation.path === path && operation.method === method);
}
