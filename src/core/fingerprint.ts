// A finding's identity across runs. Within a run the engine merges failures with the same dedupe key
// (check, operation, cause) into one finding; the same key in another run, or with another seed, is the
// same defect again, so its fingerprint is the same. The CLI's `--baseline` and the platform's data service
// both use this one definition, so a fingerprint in a report file matches one stored on the platform.
import { createHash } from 'node:crypto';

export function dedupeKey(check: string, operation: string, cause: string): string {
  return JSON.stringify([check, operation, cause]);
}

/** sha256 of the dedupe key, the first 32 hex characters. */
export function findingFingerprint(finding: { check: string; operation: string; cause: string }): string {
  return createHash('sha256').update(dedupeKey(finding.check, finding.operation, finding.cause)).digest('hex').slice(0, 32);
}
