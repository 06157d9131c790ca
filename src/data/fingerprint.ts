// A finding's fingerprint: the engine's dedupe key (check, operation, cause) hashed. The engine merges
// failures with the same key into one finding within a run; the same key in another run, or with another
// seed, is the same defect again, so it gets the same fingerprint.
import { createHash } from 'node:crypto';
import { dedupeKey } from '../execution/run/findings.js';

export function findingFingerprint(finding: { check: string; operation: string; cause: string }): string {
  return createHash('sha256').update(dedupeKey(finding.check, finding.operation, finding.cause)).digest('hex').slice(0, 32);
}
