// Descriptions given to the platform as text (uploaded, pasted or fetched from a URL by the server) are
// loaded without touching the server's files: a `$ref` to another document is refused before the loader
// runs, since the loader would resolve it against the server's working directory.
import { parse as parseYaml } from 'yaml';
import { SpecError } from '../../core/errors.js';
import { DEFAULT_LIMITS } from '../../spec/limits.js';
import { loadSpec } from '../../spec/load.js';
import type { ApiModel } from '../../spec/model.js';
import { fetchUrl } from '../../spec/sources.js';
import { decodeText } from '../../spec/text.js';
import { isUnresolvable, type OutboundPolicy } from '../../execution/outbound-policy.js';
import { ServiceError } from '../../core/service-error.js';

export const MAX_DESCRIPTION_BYTES = 8 * 1024 * 1024;

/** The first `$ref` that points outside the document, with where it is. */
export function externalRef(document: unknown, pointer = ''): { pointer: string; ref: string } | undefined {
  if (Array.isArray(document)) {
    for (const [index, item] of document.entries()) {
      const found = externalRef(item, `${pointer}/${index}`);
      if (found) return found;
    }
    return undefined;
  }
  if (document === null || typeof document !== 'object') return undefined;
  for (const [key, value] of Object.entries(document)) {
    if (key === '$ref' && typeof value === 'string' && !value.startsWith('#')) return { pointer: `${pointer}/$ref`, ref: value };
    const found = externalRef(value, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    if (found) return found;
  }
  return undefined;
}

/** Loads description text; 422 with the loader's one-line reason when it is not a usable description. */
export async function loadDescriptionText(text: string, name: string, path: string): Promise<ApiModel> {
  let document: unknown;
  try {
    document = parseYaml(text, { maxAliasCount: DEFAULT_LIMITS.maxAliases });
  } catch (error) {
    throw new ServiceError(422, `${name}: not JSON or YAML: ${(error as Error).message.split('\n')[0]}`, [{ path, message: 'not JSON or YAML' }]);
  }
  const external = externalRef(document);
  if (external !== undefined) {
    const message = `${external.pointer}: references another document (${external.ref}); descriptions given to the platform must be self-contained`;
    throw new ServiceError(422, `${name}: ${message}`, [{ path, message }]);
  }
  try {
    const model = await loadSpec('-', { stdin: text, maxBytes: MAX_DESCRIPTION_BYTES });
    return { ...model, source: name };
  } catch (error) {
    if (error instanceof SpecError) {
      const reason = error.message.replace(/^<stdin>(:\d+)?:\s*/, '');
      throw new ServiceError(422, `${name}: ${reason}`, [{ path, message: reason }]);
    }
    throw error;
  }
}

/** GETs a description URL the outbound policy allows (no redirects followed, size and time bounded). */
export async function fetchDescription(url: string, policy: OutboundPolicy, timeoutMs: number): Promise<string> {
  const refused = await policy.check(url);
  if (refused !== undefined) throw new ServiceError(isUnresolvable(refused) ? 424 : 403, `body/url: ${refused}`, [{ path: 'body/url', message: refused }]);
  try {
    const { location, bytes } = await fetchUrl(url, { ...DEFAULT_LIMITS, maxBytes: MAX_DESCRIPTION_BYTES, timeoutMs, maxRedirects: 0 });
    return decodeText(bytes, location);
  } catch (error) {
    const reason = error instanceof SpecError ? error.reason : (error as Error).message;
    throw new ServiceError(424, `body/url: ${reason}`, [{ path: 'body/url', message: reason }]);
  }
}
