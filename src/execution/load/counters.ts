// Counters beside the histograms: status classes, transport error codes, bytes. Pure helpers.
import type { Counters } from './types.js';

export function emptyCounters(): Counters {
  return { requests: 0, statusClasses: {}, transportErrors: {}, bytesReceived: 0 };
}

export function statusClass(status: number): string {
  return status >= 200 && status < 600 ? `${Math.floor(status / 100)}xx` : 'other';
}

export function addCounters(into: Counters, from: Counters): Counters {
  into.requests += from.requests;
  into.bytesReceived += from.bytesReceived;
  for (const [key, count] of Object.entries(from.statusClasses)) into.statusClasses[key] = (into.statusClasses[key] ?? 0) + count;
  for (const [key, count] of Object.entries(from.transportErrors)) into.transportErrors[key] = (into.transportErrors[key] ?? 0) + count;
  return into;
}

/** A failed request is a transport error or a 5xx/4xx? Only transport errors and 5xx: a 4xx may be the API's answer. */
export function errorCount(counters: Counters): number {
  const transport = Object.values(counters.transportErrors).reduce((sum, count) => sum + count, 0);
  return transport + (counters.statusClasses['5xx'] ?? 0);
}
