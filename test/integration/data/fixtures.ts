// Small engine-shaped data for the data service tests.
import type { Exchange } from '../../../src/core/exchange.js';
import type { Finding } from '../../../src/core/finding.js';

export function exchange(caseId: string, index: number, overrides: Partial<Exchange> = {}): Exchange {
  return {
    caseId,
    correlationId: `corr-${caseId}-${index}`,
    request: {
      method: 'GET',
      url: `http://127.0.0.1:9/items/${index}?api_key=supersecretvalue`,
      headers: { authorization: 'Bearer secret-token-123456', accept: 'application/json' },
    },
    response: { status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}', truncated: false },
    startedAt: Date.UTC(2026, 0, 2, 3, 4, 5) + index,
    durationMs: 3.5,
    retries: 0,
    ...overrides,
  };
}

export function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    check: 'not_a_server_error',
    severity: 'high',
    operation: 'GET /items/{id}',
    title: 'Server error 500 on GET /items/{id}',
    message: 'Expected no 5xx; got 500.',
    cause: '500',
    evidence: 'TypeError: cannot read properties of undefined',
    request: { method: 'GET', url: 'http://127.0.0.1:9/items/1', headers: { authorization: 'Bearer secret-token-123456' } },
    response: { status: 500, headers: { 'content-type': 'text/plain' }, body: 'boom secret-token-123456' },
    curl: "curl -X GET 'http://127.0.0.1:9/items/1' -H 'authorization: Bearer secret-token-123456'",
    count: 2,
    caseIds: ['case-1', 'case-2'],
    correlationId: 'corr-case-1-0',
    ...overrides,
  };
}
