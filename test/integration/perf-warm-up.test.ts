import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDispatchable } from '../../src/execution/load/load-client.js';
import { warmUp } from '../../src/execution/load/warm-up.js';

let target: Server;
let targetHits = 0;
let url = '';

beforeAll(async () => {
  target = createServer((_request, response) => {
    targetHits++;
    response.end('target');
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(target.address() as AddressInfo).port}/items?limit=2`;
});
afterAll(() => new Promise<void>((resolve) => target.close(() => resolve())));

describe('warmUp', () => {
  it.each([
    { case: 'GET', method: 'GET', body: undefined },
    { case: 'POST with a body', method: 'POST', body: '{"name":"x"}' },
  ])('answers $case requests locally and never reaches the target', async ({ method, body }) => {
    const request = toDispatchable({ method, url, headers: { 'content-type': 'application/json' }, body, operation: `${method} /items` });
    const statuses: number[] = [];
    const sent = await warmUp([request], 4, (answered, status) => {
      expect(answered.operation).toBe(`${method} /items`);
      statuses.push(status);
    }, { requests: 50, maxMs: 5000 });
    expect(sent).toBe(50);
    expect(statuses).toHaveLength(50);
    expect(new Set(statuses)).toEqual(new Set([200]));
    expect(targetHits).toBe(0);
  });

  it('stops at the time limit', async () => {
    const started = performance.now();
    const sent = await warmUp([toDispatchable({ method: 'GET', url, headers: {}, operation: 'GET /items' })], 2, () => undefined, { requests: 1e9, maxMs: 200 });
    expect(sent).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});
