// Warms a worker's hot path before the run starts, without sending anything to the target: a throwaway
// server on 127.0.0.1 inside the worker answers a burst of requests sent through the same code the run
// uses (undici's pool and parser, our send and recording). Measured on a 2-core machine, the first second
// of a cold worker otherwise carried most of the p99: undici compiles its llhttp WebAssembly parser on the
// first connection and every function starts interpreted, so early arrivals queued for hundreds of ms.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LoadClient, type DispatchableRequest } from './load-client.js';
import { requestFor, type CompiledScenario } from './scenario.js';
import { UNIQUE_VALUE } from './types.js';

export interface WarmUpLimits {
  /** Stop after this many answered requests... */
  requests: number;
  /** ...or after this long, whichever comes first. */
  maxMs: number;
}

export const DEFAULT_WARM_UP: WarmUpLimits = { requests: 3000, maxMs: 1500 };

/**
 * The requests to warm with: single requests as they are, and every scenario step with its markers filled
 * by a dummy value (1). The local server cannot play the API's state, so extraction is not exercised; what
 * warming is for (undici's parser, the connections, the send and record code) is the same for steps, and a
 * mix of scenarios only still gets warmed.
 */
export function warmUpRequestsOf(items: (DispatchableRequest | CompiledScenario)[]): DispatchableRequest[] {
  return items.flatMap((item) => {
    if (!('steps' in item)) return [item];
    // Every marker gets a stand-in, the reserved `unique` included, so no request carries "undefined".
    const dummy = new Map<string, unknown>([[UNIQUE_VALUE, 'warm'], ...item.steps.flatMap((step) => (step.extractors ?? []).map((extractor) => [extractor.name, 1] as const))]);
    return item.steps.map((step) => requestFor(step, dummy));
  });
}

/**
 * Sends `limits.requests` copies of `requests` (cycled) to a local server over `connections` connections;
 * `onAnswer` runs for each answer so the caller's recording code warms too. Resolves with the count sent.
 */
export async function warmUp(
  requests: DispatchableRequest[],
  connections: number,
  onAnswer: (request: DispatchableRequest, status: number, bytes: number) => void,
  limits: WarmUpLimits = DEFAULT_WARM_UP,
): Promise<number> {
  const server = createServer((request, response) => {
    // Drains the body so requests with one (POST, PUT) warm the same path as the run.
    request.resume();
    request.on('end', () => response.end('warm'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const local = requests.map((request) => ({ ...request, origin }));
  const client = new LoadClient(connections, 2000);
  const deadline = performance.now() + limits.maxMs;
  let sent = 0;
  try {
    await new Promise<void>((resolve) => {
      let pending = 0;
      const next = () => {
        if (sent >= limits.requests || performance.now() >= deadline) {
          if (pending === 0) resolve();
          return;
        }
        const request = local[sent++ % local.length]!;
        pending++;
        client.send(request, (status, bytes) => {
          pending--;
          onAnswer(request, status, bytes);
          next();
        });
      };
      for (let user = 0; user < Math.max(1, connections); user++) next();
    });
  } finally {
    await client.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  return sent;
}
