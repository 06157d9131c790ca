// Before a run: can the target be reached at all? One connection (with the TLS handshake for https), so a
// wrong port or host, or a certificate the run would reject on every request, is one clear line in a
// second instead of a run full of failed requests.
import { connect } from 'node:net';
import { connect as connectTls } from 'node:tls';
import { INSECURE_HINT, isCertificateError, SentinelError } from '../core/errors.js';

export type ProbeResult = { ok: true } | { ok: false; code: string };

/** `insecure`: accept any certificate, as the run will (`--insecure`). */
export async function probeTarget(baseUrl: string, timeoutMs: number, insecure = false): Promise<ProbeResult> {
  const url = new URL(baseUrl);
  const secure = url.protocol === 'https:';
  const port = url.port !== '' ? Number(url.port) : secure ? 443 : 80;
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return new Promise((resolve) => {
    const socket = secure ? connectTls({ host, port, servername: isIp(host) ? undefined : host, rejectUnauthorized: !insecure }) : connect({ host, port });
    const finish = (result: ProbeResult) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, code: 'ETIMEDOUT' }), timeoutMs);
    socket.once(secure ? 'secureConnect' : 'connect', () => finish({ ok: true }));
    socket.once('error', (error: NodeJS.ErrnoException) => finish({ ok: false, code: error.code ?? error.message }));
  });
}

/** Probes the target (at most 5 s) and throws the one-line connection error when it cannot be reached. */
export async function ensureReachable(baseUrl: string, timeoutMs: number, insecure = false): Promise<void> {
  const probe = await probeTarget(baseUrl, Math.min(timeoutMs, 5000), insecure);
  if (!probe.ok) throw new SentinelError('connection', probeFailure(baseUrl, probe.code));
}

/** The one line a failed probe becomes: for a certificate error, the way around it. */
export function probeFailure(baseUrl: string, code: string): string {
  const hint = isCertificateError(code) ? ` (${INSECURE_HINT})` : '';
  return `cannot connect to ${baseUrl}: ${code}${hint}`;
}

function isIp(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}
