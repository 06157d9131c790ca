// Time-based probes ask the target to sleep this long. Small on purpose: a vulnerable target costs a few
// seconds per confirmed probe, a clean one nothing. The checks' thresholds derive from it.
export const PROBE_DELAY_SECONDS = 1;
export const PROBE_DELAY_MS = PROBE_DELAY_SECONDS * 1000;
