// Before a run: can the target be reached at all? One TCP connection, so a wrong port or host is one
// clear line in a second instead of a run full of refused requests.
import { connect } from 'node:net';

export async function probeTarget(baseUrl: string, timeoutMs: number): Promise<{ ok: true } | { ok: false; code: string }> {
  const url = new URL(baseUrl);
  const port = url.port !== '' ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const finish = (result: { ok: true } | { ok: false; code: string }) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, code: 'ETIMEDOUT' }), timeoutMs);
    socket.once('connect', () => finish({ ok: true }));
    socket.once('error', (error: NodeJS.ErrnoException) => finish({ ok: false, code: error.code ?? error.message }));
  });
}
