// The SSRF canary: a tiny HTTP server on 127.0.0.1 (ephemeral port) for the duration of a run. URLs
// given to the target carry a unique token in their path; a request arriving here with that token
// proves the target fetched a URL it was handed.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CanaryHits } from './checks/check.js';

export interface Canary extends CanaryHits {
  /** `http://127.0.0.1:<port>`: the base the injection agent builds its URLs on (AgentContext.canaryUrl). */
  url: string;
  close(): Promise<void>;
}

const TOKEN = /[a-z0-9]{6,64}/g;

export async function startCanary(): Promise<Canary> {
  const counts = new Map<string, number>();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    for (const token of (request.url ?? '').match(TOKEN) ?? []) counts.set(token, (counts.get(token) ?? 0) + 1);
    // Drain any body so the client is not left waiting, then answer something harmless.
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'text/plain', connection: 'close' });
      response.end('sentinel canary\n');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits: (token) => counts.get(token) ?? 0,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
