// xss by evidence: the marker payload reflected byte for byte (unescaped) in an HTML response, where a
// browser would run it. JSON and escaped reflections are not XSS.
import type { Check } from './check.js';
import { headerValue } from './applies.js';
import { around, payloadOf } from './probe-evidence.js';

export const xss: Check = {
  id: 'xss',
  severity: 'high',
  description: 'A markup payload was reflected unescaped in an HTML response.',
  remediation: 'Escape every reflected value for its HTML context (or answer JSON), and set a Content-Security-Policy.',
  optIn: true,
  run({ exchange, testCase }) {
    const response = exchange.response;
    if (!response || testCase.mutation?.constraint !== 'xss:reflect') return [];
    const contentType = headerValue(response.headers, 'content-type') ?? '';
    if (!/html/i.test(contentType)) return [];
    const payload = payloadOf(testCase);
    const index = payload === undefined ? -1 : response.body.indexOf(payload);
    if (index < 0) return [];
    return [
      {
        title: 'Reflected XSS',
        message: `The payload sent in ${testCase.mutation.location} ${testCase.mutation.target} came back unescaped in a ${contentType} response.`,
        cause: `${testCase.mutation.location}.${testCase.mutation.target}`,
        evidence: around(response.body, index, payload!.length),
        payload: payload!,
      },
    ];
  },
};
