// The data service stores the engine's one fingerprint definition (see core/fingerprint.ts).
export { findingFingerprint } from '../core/fingerprint.js';
