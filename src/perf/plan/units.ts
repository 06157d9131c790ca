// Strict parsing of the durations and rates users type (`30s`, `5m`, `1m30s`, `100/s`): anything else
// is a usage error naming the flag and the value.
import type { ThinkTime } from '../../execution/load/types.js';
import { SentinelError } from '../../core/errors.js';

const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

export function parseDuration(text: string, flag = '--duration'): number {
  const trimmed = text.trim();
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  const consumed = parts.map((part) => part[0]).join('');
  if (parts.length === 0 || consumed !== trimmed) {
    throw new SentinelError('usage', `${flag}: invalid duration '${text}' (expected e.g. 30s, 5m, 1m30s, 500ms)`);
  }
  const ms = parts.reduce((sum, part) => sum + Number(part[1]) * DURATION_UNITS[part[2]!]!, 0);
  if (!(ms > 0)) throw new SentinelError('usage', `${flag}: duration '${text}' must be greater than zero`);
  return Math.round(ms);
}

const RATE_UNITS: Record<string, number> = { '': 1, '/s': 1, '/m': 1 / 60, '/h': 1 / 3600 };

export function parseRate(text: string, flag = '--rate'): number {
  const match = /^(\d+(?:\.\d+)?)(\/s|\/m|\/h)?$/.exec(text.trim());
  const rate = match ? Number(match[1]) * RATE_UNITS[match[2] ?? '']! : Number.NaN;
  if (!(rate > 0) || !Number.isFinite(rate)) {
    throw new SentinelError('usage', `${flag}: invalid rate '${text}' (expected requests per second, e.g. 100/s, 100 or 600/m)`);
  }
  return rate;
}

export function parsePositiveInteger(text: string, flag: string): number {
  const value = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value <= 0) {
    throw new SentinelError('usage', `${flag}: invalid value '${text}' (expected a whole number greater than zero)`);
  }
  return value;
}

export function formatDuration(ms: number): string {
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  if (ms % 1000 === 0) return `${ms / 1000}s`;
  return `${ms}ms`;
}

/** `--think-time`: a fixed pause (`1s`) or a range drawn uniformly per turn (`500ms-2s`). */
export function parseThinkTime(text: string, flag = '--think-time'): ThinkTime {
  const invalid = () => new SentinelError('usage', `${flag}: invalid think time '${text}' (expected a duration such as 1s, or a range such as 500ms-2s)`);
  const parts = text.split('-');
  if (parts.length > 2 || parts.some((part) => part.trim() === '')) throw invalid();
  const pause = (part: string) => {
    try {
      return parseDuration(part, flag);
    } catch {
      throw invalid();
    }
  };
  const minMs = pause(parts[0]!);
  const maxMs = parts.length === 2 ? pause(parts[1]!) : minMs;
  if (maxMs < minMs) throw new SentinelError('usage', `${flag}: the range '${text}' must go from the shorter pause to the longer`);
  return { minMs, maxMs };
}
