// What a description's `$ref`s may reach. The CLI's user reads their own files; a description fetched
// from a URL, or given as text to a server (uploaded to the platform), may not read the machine's files,
// and every URL it names passes the caller's outbound policy before anything is fetched.
import { SpecError } from '../core/errors.js';

export interface RefPolicy {
  /** Whether `$ref`s may read local files. Always false for a description fetched from a URL. */
  allowLocalRefs: boolean;
  /**
   * Called with every URL before it is fetched (the description's own, each `$ref`'s, each redirect);
   * throwing (or rejecting) refuses the URL, and the error's message is the reason given.
   */
  checkUrl?: (url: string) => void | Promise<void>;
}

export const CLI_POLICY: RefPolicy = { allowLocalRefs: true };

/** Runs the policy's check on one URL, turning a refusal into a one-line SpecError about `name`. */
export async function checkOutbound(policy: RefPolicy | undefined, url: string, name: string): Promise<void> {
  if (policy?.checkUrl === undefined) return;
  try {
    await policy.checkUrl(url);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SpecError(name, `URL refused by the outbound policy: ${url}${reason ? ` (${reason})` : ''}`);
  }
}
