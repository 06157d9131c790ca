import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runLoad } from '../../src/execution/load/run-load.js';
import type { LoadPlan, MixEntry } from '../../src/execution/load/types.js';

let server: Server;
let baseUrl: string;
let received = 0;
let active = 0;
let maxActive = 0;

// A blackhole: accepts connections and never answers.
let blackhole: TcpServer;
let blackholeUrl: string;
const held: Socket[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    received++;
    active++;
    maxActive = Math.max(maxActive, active);
    const delay = request.url?.startsWith('/slow') ? 20 : 0;
    setTimeout(() => {
      active--;
      response.statusCode = request.url?.startsWith('/fail') ? 503 : 200;
      response.end('{"ok":true}');
    }, delay);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  blackhole = createTcpServer((socket) => held.push(socket));
  await new Promise<void>((resolve) => blackhole.listen(0, '127.0.0.1', resolve));
  blackholeUrl = `http://127.0.0.1:${(blackhole.address() as AddressInfo).port}`;
});

afterAll(async () => {
  held.forEach((socket) => socket.destroy());
  await new Promise((resolve) => blackhole.close(resolve));
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function mix(base: string, paths: [string, number][]): MixEntry[] {
  return paths.map(([path, weight]) => ({
    operation: `GET ${path}`,
    weight,
    requests: [{ method: 'GET', url: `${base}${path}`, headers: {}, operation: `GET ${path}` }],
  }));
}

function plan(overrides: Partial<LoadPlan>): LoadPlan {
  return { model: 'open', stages: [{ name: 's', durationMs: 2000, target: 100 }], mix: mix(baseUrl, [['/a', 1]]), connections: 8, timeoutMs: 2000, seed: 1, workers: 2, ...overrides };
}

describe('load engine against a local server', () => {
  it('closed model: never more requests in flight than virtual users, and every request counted', async () => {
    received = 0;
    maxActive = 0;
    const result = await runLoad(plan({ model: 'closed', stages: [{ name: 's', durationMs: 1500, target: 4 }], mix: mix(baseUrl, [['/slow', 1]]) }));
    expect(maxActive).toBeLessThanOrEqual(4);
    expect(maxActive).toBeGreaterThanOrEqual(3);
    expect(result.overall.requests).toBe(received);
    expect(result.interrupted).toBe(0);
    // Closed model, no think time: each user is always waiting on one answer, so requests ≈ users × time / latency
    // (Little's law), whatever speed the shared machine gives the server today.
    const expected = (4 * 1500) / result.overall.latency.mean;
    expect(result.overall.requests).toBeGreaterThan(expected * 0.5);
    // + 4: the requests in flight at the end are answered during the grace period.
    expect(result.overall.requests).toBeLessThan(expected * 1.4 + 4);
    expect(result.overall.latency.p50).toBeGreaterThanOrEqual(20);
    expect(result.workers).toBe(2);
  });

  it('closed model with think time: each user pauses between turns, so requests ≈ users × time / (latency + pause)', async () => {
    received = 0;
    const thinkTime = { minMs: 150, maxMs: 250 };
    const result = await runLoad(plan({ model: 'closed', stages: [{ name: 's', durationMs: 1500, target: 4 }], thinkTime }));
    expect(result.overall.requests).toBe(received);
    // Each turn takes at least the 150 ms pause: 4 users in 1.5 s send at most 4 x (1500 / 150 + 1) = 44.
    // Without the pause they send thousands (/a answers at once), so the bound cannot pass by accident.
    expect(result.overall.requests).toBeLessThanOrEqual(44);
    // ...and at least one turn each, whatever the machine's speed.
    expect(result.overall.requests).toBeGreaterThanOrEqual(4);
  });

  it('open model: sends the planned arrival rate, per operation by weight, with errors by status class', async () => {
    received = 0;
    const result = await runLoad(plan({ stages: [{ name: 's', durationMs: 2000, target: 150 }], mix: mix(baseUrl, [['/a', 2], ['/fail', 1]]) }));
    // Exactly the plan is sent (150/s for 2 s, two workers interleaved); every request is accounted for. On a
    // starved machine some answers can outlive the grace period: those are interrupted, not lost.
    expect(result.sent).toBe(300);
    expect(result.dropped).toBe(0);
    expect(result.overall.requests + result.interrupted).toBe(300);
    expect(received).toBeLessThanOrEqual(300);
    expect(received).toBeGreaterThanOrEqual(result.overall.requests);
    const failing = result.operations.find((stats) => stats.operation === 'GET /fail')!;
    expect(failing.statusClasses['5xx']).toBe(failing.requests);
    expect(failing.requests / result.overall.requests).toBeGreaterThan(0.25);
    expect(failing.requests / result.overall.requests).toBeLessThan(0.42);
    expect(result.overall.errorRate).toBeCloseTo(failing.requests / result.overall.requests, 5);
    // Seconds by intended send time: exactly the two planned seconds.
    expect(result.series.map((second) => second.second)).toEqual([0, 1]);
    expect(result.series.every((second) => second.requests <= 150)).toBe(true);
    expect(result.series.reduce((sum, second) => sum + second.requests, 0)).toBe(result.overall.requests);
    expect(result.serviceTime?.count).toBe(result.overall.latency.count);
    // A mix without scenarios keeps the result's shape as before.
    expect(result.scenarios).toBeUndefined();
  });

  it('a refused connection is a transport error, and the run ends on time', async () => {
    const started = Date.now();
    const result = await runLoad(plan({ stages: [{ name: 's', durationMs: 1000, target: 50 }], mix: mix('http://127.0.0.1:1', [['/a', 1]]) }));
    // Generous bound: workers load TypeScript through tsx here, and the machine is shared.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result.overall.transportErrors.ECONNREFUSED).toBeGreaterThan(40);
    expect(result.overall.errorRate).toBe(1);
  });

  it('a target that never answers does not hang the run: timeouts and interrupted requests are counted', async () => {
    const started = Date.now();
    const result = await runLoad(
      plan({ model: 'closed', stages: [{ name: 's', durationMs: 1000, target: 2 }], mix: mix(blackholeUrl, [['/a', 1]]), timeoutMs: 600 }),
    );
    expect(Date.now() - started).toBeLessThan(15_000);
    const timedOut = result.overall.transportErrors.UND_ERR_HEADERS_TIMEOUT ?? 0;
    expect(timedOut + result.interrupted).toBeGreaterThanOrEqual(2);
    expect(result.overall.latency.count).toBe(0);
  });

  it('stops early when the progress hook gives a reason', async () => {
    const started = Date.now();
    const result = await runLoad(plan({ stages: [{ name: 's', durationMs: 60_000, target: 50 }] }), {
      onProgress: (progress) => (progress.overall.requests > 0 ? 'enough' : undefined),
    });
    // Far less than the planned minute, even with slow worker start-up on a shared machine.
    expect(Date.now() - started).toBeLessThan(40_000);
    expect(result.stoppedEarly?.reason).toBe('enough');
    expect(result.durationMs).toBeLessThan(5000);
  }, 60_000);
});
