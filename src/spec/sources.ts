// Reading a description's bytes from a file, an http(s) URL or stdin, within the size and time limits.
import { open } from 'node:fs/promises';
import { Agent, request } from 'undici';
import { INSECURE_HINT, isCertificateError, SpecError } from '../core/errors.js';
import { notRegularFile, readAtMost } from './bounded-read.js';
import { formatBytes, type LoadLimits } from './limits.js';
import { checkOutbound, type RefPolicy } from './ref-policy.js';
import { decodeText } from './text.js';

export interface SourceText {
  /** What messages call it: the path as given, the final URL, or `<stdin>`. */
  name: string;
  /** Absolute file path or URL that relative `$ref`s resolve against. */
  location: string;
  text: string;
}

export const STDIN_NAME = '<stdin>';

export function isUrl(source: string): boolean {
  return /^https?:\/\//i.test(source);
}

export async function readSource(source: string, limits: LoadLimits, stdin?: string, policy?: RefPolicy): Promise<SourceText> {
  if (source === '-') return readStdin(limits, stdin);
  if (isUrl(source)) {
    const { location, bytes } = await fetchUrl(source, limits, policy);
    return { name: location, location, text: decodeText(bytes, location) };
  }
  const bytes = await readFileBounded(source, limits.maxBytes);
  return { name: source, location: source, text: decodeText(bytes, source) };
}

async function readStdin(limits: LoadLimits, given?: string): Promise<SourceText> {
  const cwdBase = `${process.cwd()}/${STDIN_NAME}`;
  if (given !== undefined) {
    if (Buffer.byteLength(given) > limits.maxBytes) throw tooLarge(STDIN_NAME, Buffer.byteLength(given), limits.maxBytes);
    return { name: STDIN_NAME, location: cwdBase, text: given };
  }
  // Reading a terminal would wait for typing that nobody intends.
  if (process.stdin.isTTY) throw new SpecError(STDIN_NAME, 'nothing piped on standard input (give a file path or URL instead of "-")');
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > limits.maxBytes) throw tooLarge(STDIN_NAME, total, limits.maxBytes, true);
    chunks.push(chunk);
  }
  return { name: STDIN_NAME, location: cwdBase, text: decodeText(Buffer.concat(chunks), STDIN_NAME) };
}

/**
 * Reads a local file within the size limit, counting the bytes actually read. `regularOnly` (for files a
 * `$ref` names) refuses FIFOs and devices before opening them.
 */
export async function readFileBounded(path: string, maxBytes: number, regularOnly = false): Promise<Uint8Array> {
  if (regularOnly) {
    const problem = await notRegularFile(path);
    if (problem !== undefined) throw new SpecError(path, `cannot read file: ${problem}`);
  }
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new SpecError(path, `cannot read file: ${ioReason(error)}`);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new SpecError(path, 'cannot read file: it is a directory');
    if (stat.size > maxBytes) throw tooLarge(path, stat.size, maxBytes);
    const read = await readAtMost(handle, maxBytes);
    if ('over' in read) throw tooLarge(path, read.over, maxBytes, true);
    return read.bytes;
  } catch (error) {
    if (error instanceof SpecError) throw error;
    throw new SpecError(path, `cannot read file: ${ioReason(error)}`);
  } finally {
    await handle.close();
  }
}

/** GETs a URL following at most `maxRedirects` redirects, streaming the body with a byte cap. */
export async function fetchUrl(url: string, limits: LoadLimits, policy?: RefPolicy): Promise<{ location: string; bytes: Uint8Array }> {
  let current = url;
  for (let hop = 0; hop <= limits.maxRedirects; hop++) {
    await checkOutbound(policy, current, url);
    const signal = AbortSignal.timeout(limits.timeoutMs);
    let response;
    try {
      response = await request(current, {
        method: 'GET',
        headers: { accept: 'application/json, application/yaml, text/yaml, */*' },
        signal,
        headersTimeout: limits.timeoutMs,
        bodyTimeout: limits.timeoutMs,
        ...(limits.insecure ? { dispatcher: insecureAgent() } : {}),
      });
    } catch (error) {
      throw new SpecError(current, `cannot fetch URL: ${networkReason(error, limits.timeoutMs)}`);
    }
    const { statusCode, headers, body } = response;
    if (statusCode >= 300 && statusCode < 400 && headers.location) {
      await body.dump();
      current = new URL(String(headers.location), current).href;
      if (!isUrl(current)) throw new SpecError(url, `redirect to a non-http(s) location refused: ${current}`);
      continue;
    }
    if (statusCode < 200 || statusCode >= 300) {
      await body.dump();
      throw new SpecError(current, `cannot fetch URL: HTTP ${statusCode}`);
    }
    const declared = Number(headers['content-length']);
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      discard(body);
      throw tooLarge(current, declared, limits.maxBytes);
    }
    const chunks: Buffer[] = [];
    let total = 0;
    try {
      for await (const chunk of body as AsyncIterable<Buffer>) {
        total += chunk.length;
        if (total > limits.maxBytes) {
          discard(body);
          throw tooLarge(current, total, limits.maxBytes, true);
        }
        chunks.push(chunk);
      }
    } catch (error) {
      if (error instanceof SpecError) throw error;
      throw new SpecError(current, `cannot fetch URL: ${networkReason(error, limits.timeoutMs)}`);
    }
    return { location: current, bytes: Buffer.concat(chunks) };
  }
  throw new SpecError(url, `cannot fetch URL: more than ${limits.maxRedirects} redirects`);
}

let lenientAgent: Agent | undefined;
/** One shared agent that accepts any certificate, made only when `--insecure` asks for it. */
function insecureAgent(): Agent {
  lenientAgent ??= new Agent({ connect: { rejectUnauthorized: false } });
  return lenientAgent;
}

/** Stops reading a body we refuse; the abort error it emits is expected, not a failure. */
function discard(body: { on(event: 'error', listener: () => void): unknown; destroy(): unknown }): void {
  body.on('error', () => undefined);
  body.destroy();
}

function tooLarge(file: string, size: number, max: number, atLeast = false): SpecError {
  return new SpecError(file, `document too large: ${atLeast ? 'over ' : ''}${formatBytes(size)}, the limit is ${formatBytes(max)}`);
}

function ioReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return (error as Error)?.message ?? String(error);
}

function networkReason(error: unknown, timeoutMs: number): string {
  const err = error as { name?: string; code?: string; message?: string; cause?: { code?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError' || err?.code === 'UND_ERR_HEADERS_TIMEOUT' || err?.code === 'UND_ERR_BODY_TIMEOUT') {
    return `no answer within ${timeoutMs} ms`;
  }
  const code = err?.code ?? err?.cause?.code;
  if (code !== undefined && isCertificateError(code)) return `${code} (${INSECURE_HINT})`;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND') return 'host not found';
  return code ? `${code} ${err?.message ?? ''}`.trim() : (err?.message ?? String(error));
}
