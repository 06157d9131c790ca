// path_traversal by evidence: the content of a well-known system file in the response.
import type { Check } from './check.js';
import { findSignature, payloadOf, withoutEchoes, type Signature } from './probe-evidence.js';

export const FILE_SIGNATURES: readonly Signature[] = [
  { name: '/etc/passwd', pattern: /\broot:[^:\n]*:0:0:/ },
  { name: 'win.ini', pattern: /; for 16-bit app support|\[fonts\][\s\S]{0,200}\[extensions\]/i },
  { name: 'boot.ini', pattern: /\[boot loader\][\s\S]{0,200}\[operating systems\]/i },
];

export const pathTraversal: Check = {
  id: 'path_traversal',
  severity: 'critical',
  description: 'A path traversal payload returned the content of a system file.',
  remediation: 'Resolve the requested path and check that it stays inside the allowed folder; decode once, and refuse separators and "..".',
  optIn: true,
  run({ exchange, testCase }) {
    const response = exchange.response;
    if (!response || !testCase.mutation?.constraint.startsWith('path_traversal:')) return [];
    const payload = payloadOf(testCase);
    const found = findSignature(withoutEchoes(response.body, payload), FILE_SIGNATURES);
    if (found === undefined) return [];
    return [
      {
        title: `Path traversal: ${found.name} disclosed`,
        message: `A traversal payload in ${testCase.mutation.location} ${testCase.mutation.target} returned the content of ${found.name}.`,
        cause: `${testCase.mutation.location}.${testCase.mutation.target}`,
        evidence: found.excerpt,
        ...(payload !== undefined ? { payload } : {}),
      },
    ];
  },
};
