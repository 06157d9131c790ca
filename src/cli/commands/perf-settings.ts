// `sentinel perf` flags → validated settings. Every bad value is a one-line usage error naming the flag.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { SentinelError } from '../../errors.js';
import { parseHeader } from '../../execution/auth/identity.js';
import { PROFILES, type PerfProfile } from '../../agents/perf/profiles.js';
import { parseThreshold, type Threshold } from '../../agents/perf/thresholds.js';
import { parseDuration, parsePositiveInteger, parseRate } from '../../agents/perf/units.js';

export interface PerfFlags {
  baseUrl?: string;
  profile: string;
  duration?: string;
  rate?: string;
  vus?: string;
  connections?: string;
  workers?: string;
  threshold?: string[];
  abortOnFail?: boolean;
  baseline?: string;
  report?: string[];
  export?: string[];
  header?: string[];
  includeWrites?: boolean;
  weight?: string[];
  weights?: string;
  seed?: string;
  timeout?: string;
}

export interface PerfSettings {
  baseUrl?: string;
  profile: PerfProfile;
  durationMs?: number;
  rate?: number;
  vus?: number;
  connections: number;
  workers?: number;
  thresholds: Threshold[];
  abortOnFail: boolean;
  baseline?: string;
  reportJson?: string;
  exports: { k6?: string; locust?: string };
  headers: Record<string, string>;
  includeWrites: boolean;
  weights: Record<string, number>;
  seed: number;
  timeoutMs: number;
}

export const PERF_DEFAULTS = { connections: 64, timeoutMs: 10_000, seed: 1 };

export function resolvePerfSettings(flags: PerfFlags): PerfSettings {
  if (!(PROFILES as string[]).includes(flags.profile)) {
    throw new SentinelError('usage', `--profile '${flags.profile}': expected one of ${PROFILES.join(', ')}`);
  }
  if (flags.rate !== undefined && flags.vus !== undefined) {
    throw new SentinelError('usage', '--rate and --vus are exclusive: --rate sets arrivals per second (open model), --vus virtual users (closed model)');
  }
  const reports = pairs(flags.report ?? [], '--report', ['json']);
  const exports = pairs(flags.export ?? [], '--export', ['k6', 'locust']);
  return {
    ...(flags.baseUrl !== undefined ? { baseUrl: checkUrl(flags.baseUrl) } : {}),
    profile: flags.profile as PerfProfile,
    ...(flags.duration !== undefined ? { durationMs: parseDuration(flags.duration) } : {}),
    ...(flags.rate !== undefined ? { rate: parseRate(flags.rate) } : {}),
    ...(flags.vus !== undefined ? { vus: parsePositiveInteger(flags.vus, '--vus') } : {}),
    connections: flags.connections !== undefined ? parsePositiveInteger(flags.connections, '--connections') : PERF_DEFAULTS.connections,
    ...(flags.workers !== undefined ? { workers: parsePositiveInteger(flags.workers, '--workers') } : {}),
    thresholds: (flags.threshold ?? []).map(parseThreshold),
    abortOnFail: flags.abortOnFail ?? false,
    ...(flags.baseline !== undefined ? { baseline: flags.baseline } : {}),
    ...(reports.json !== undefined ? { reportJson: reports.json } : {}),
    exports,
    headers: Object.fromEntries((flags.header ?? []).map((line) => parseHeader(line))),
    includeWrites: flags.includeWrites ?? false,
    weights: { ...(flags.weights !== undefined ? readWeightsFile(flags.weights) : {}), ...Object.fromEntries((flags.weight ?? []).map(parseWeight)) },
    seed: flags.seed !== undefined ? parseSeed(flags.seed) : PERF_DEFAULTS.seed,
    timeoutMs: flags.timeout !== undefined ? parsePositiveInteger(flags.timeout, '--timeout') : PERF_DEFAULTS.timeoutMs,
  };
}

function pairs(values: string[], flag: string, formats: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const value of values) {
    const equals = value.indexOf('=');
    const format = equals < 0 ? '' : value.slice(0, equals);
    const path = equals < 0 ? '' : value.slice(equals + 1);
    if (!formats.includes(format) || path === '') throw new SentinelError('usage', `${flag} '${value}': expected ${formats.map((name) => `${name}=PATH`).join(' or ')}`);
    out[format] = path;
  }
  return out;
}

function checkUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SentinelError('usage', `--base-url '${text}': not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SentinelError('usage', `--base-url '${text}': only http and https are supported`);
  return text;
}

/** `GET /pets=3` or `listPets=3`: the last `=` separates the weight. */
function parseWeight(text: string): [string, number] {
  const equals = text.lastIndexOf('=');
  const weight = Number(text.slice(equals + 1));
  if (equals <= 0 || text.slice(equals + 1).trim() === '' || !(weight >= 0) || !Number.isFinite(weight)) {
    throw new SentinelError('usage', `--weight '${text}': expected 'METHOD /path=N' or 'operationId=N' with N >= 0`);
  }
  return [text.slice(0, equals).trim(), weight];
}

/** A YAML or JSON map of operation → weight. */
function readWeightsFile(path: string): Record<string, number> {
  let parsed: unknown;
  try {
    parsed = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message.split('\n')[0];
    throw new SentinelError('usage', `--weights ${path}: cannot read (${reason})`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new SentinelError('usage', `--weights ${path}: expected a map of operation to weight`);
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value !== 'number' || !(value >= 0)) throw new SentinelError('usage', `--weights ${path}: weight of '${key}' is not a number >= 0`);
  }
  return parsed as Record<string, number>;
}

function parseSeed(text: string): number {
  const seed = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(seed)) throw new SentinelError('usage', `--seed '${text}': expected a whole number`);
  return seed;
}
