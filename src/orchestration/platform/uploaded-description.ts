// Descriptions given to the platform as text (uploaded, pasted or fetched from a URL by the server) are
// loaded like remote ones: a `$ref` may never read the server's files, and every URL a `$ref` names
// passes the outbound policy before it is fetched.
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

/** Loads description text; 422 with the loader's one-line reason when it is not a usable description. */
export async function loadDescriptionText(text: string, name: string, path: string, policy: OutboundPolicy): Promise<ApiModel> {
  try {
    parseYaml(text, { maxAliasCount: DEFAULT_LIMITS.maxAliases });
  } catch (error) {
    throw new ServiceError(422, `${name}: not JSON or YAML: ${(error as Error).message.split('\n')[0]}`, [{ path, message: 'not JSON or YAML' }]);
  }
  try {
    const model = await loadSpec('-', { stdin: text, maxBytes: MAX_DESCRIPTION_BYTES, allowLocalRefs: false, checkUrl: (url) => refuseUnlessAllowed(policy, url) });
    return { ...model, source: name };
  } catch (error) {
    if (error instanceof SpecError) {
      const reason = error.message.replace(/^<stdin>(:\d+)?:\s*/, '');
      throw new ServiceError(422, `${name}: ${reason}`, [{ path, message: reason }]);
    }
    throw error;
  }
}

async function refuseUnlessAllowed(policy: OutboundPolicy, url: string): Promise<void> {
  const refused = await policy.check(url);
  if (refused !== undefined) throw new Error(refused);
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
