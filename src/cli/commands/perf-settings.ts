// `sentinel perf` flags over the config file's `perf:` section (and its baseUrl, headers and auth) over
// defaults → validated settings. Every bad flag is a one-line usage error naming the flag; the config
// file was validated where it was read (cli/config.ts).
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { SentinelError } from '../../core/errors.js';
import { parseHeader, type SchemeCredentials } from '../../execution/auth/identity.js';
import type { LoginSpec } from '../../execution/auth/login.js';
import { PROFILES, type PerfProfile } from '../../perf/plan/profiles.js';
import type { ScenarioDefinition } from '../../perf/plan/user-scenarios.js';
import { configHeaderPairs, type RunConfig } from '../config.js';
import { credentialsOf } from '../run-settings.js';
import { parseThreshold, type Threshold } from '../../perf/analyze/thresholds.js';
import { parseDuration, parsePositiveInteger, parseRate, parseThinkTime } from '../../perf/plan/units.js';
import type { ThinkTime } from '../../execution/load/types.js';

export interface PerfFlags {
  baseUrl?: string;
  profile?: string;
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
  bearer?: string;
  basic?: string;
  apiKey?: string;
  /** `false` with `--no-scenarios`. */
  scenarios?: boolean;
  config?: string;
  insecure?: boolean;
  thinkTime?: string;
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
  /** Config headers, then `--header`s, as `[name, value]` (the identity set sorts credentials from the rest). */
  headers: [string, string][];
  credentials: SchemeCredentials;
  /** The default identity logs in this way (config `auth.login`). */
  login?: LoginSpec;
  includeWrites: boolean;
  automaticScenarios: boolean;
  /** `perf.scenarios` of the config file. */
  scenarios: ScenarioDefinition[];
  /** Where config scenarios come from, to prefix their errors: `FILE: perf.scenarios`. */
  scenariosSource: string;
  weights: Record<string, number>;
  seed: number;
  timeoutMs: number;
  /** Accept any TLS certificate (flag or config `insecure`). */
  insecure: boolean;
  /** Closed model only: a virtual user's pause between turns. */
  thinkTime?: ThinkTime;
}

export const PERF_DEFAULTS = { connections: 64, timeoutMs: 10_000, seed: 1 };

export function resolvePerfSettings(flags: PerfFlags, config: RunConfig = {}, file = 'the config file'): PerfSettings {
  const perf = config.perf ?? {};
  const profile = flags.profile ?? perf.profile ?? 'load';
  if (!(PROFILES as string[]).includes(profile)) {
    throw new SentinelError('usage', `--profile '${profile}': expected one of ${PROFILES.join(', ')}`);
  }
  if (flags.rate !== undefined && flags.vus !== undefined) {
    throw new SentinelError('usage', '--rate and --vus are exclusive: --rate sets arrivals per second (open model), --vus virtual users (closed model)');
  }
  if (perf.rate !== undefined && perf.vus !== undefined) {
    throw new SentinelError('config', `${file}: perf: rate and vus are exclusive (rate: arrivals per second, the open model; vus: virtual users, the closed model)`);
  }
  const reports = pairs(flags.report ?? [], '--report', ['json']);
  const exports = pairs(flags.export ?? [], '--export', ['k6', 'locust']);
  const baseUrl = flags.baseUrl ?? config.baseUrl;
  // Either flag sets the load level and its model: the file's rate or vus then does not apply.
  const levelFromFlags = flags.rate !== undefined || flags.vus !== undefined;
  const rate = flags.rate !== undefined ? parseRate(flags.rate) : !levelFromFlags && perf.rate !== undefined ? rateOf(perf.rate) : undefined;
  const vus = flags.vus !== undefined ? parsePositiveInteger(flags.vus, '--vus') : !levelFromFlags ? perf.vus : undefined;
  const durationMs = flags.duration !== undefined ? parseDuration(flags.duration) : perf.duration !== undefined ? parseDuration(perf.duration) : undefined;
  const workers = flags.workers !== undefined ? parsePositiveInteger(flags.workers, '--workers') : perf.workers;
  // The file's pause is for virtual users: a --rate flag, which chooses the open model, leaves it out.
  const thinkTime = flags.thinkTime !== undefined ? parseThinkTime(flags.thinkTime) : perf.thinkTime !== undefined && flags.rate === undefined ? parseThinkTime(perf.thinkTime) : undefined;
  // Arrivals of the open model do not wait on answers: a pause between turns only means something to virtual users.
  if (thinkTime !== undefined && vus === undefined) {
    throw new SentinelError('usage', `${flags.thinkTime !== undefined ? '--think-time' : `${file}: perf.thinkTime`}: think time applies to virtual users (--vus or perf.vus, the closed model); the open model (--rate) sends at its rate whatever the answers`);
  }
  const settings: PerfSettings = {
    ...(baseUrl !== undefined ? { baseUrl: checkUrl(baseUrl, flags.baseUrl !== undefined ? '--base-url' : `${file}: baseUrl`) } : {}),
    profile: profile as PerfProfile,
    ...(durationMs !== undefined ? { durationMs } : {}),
    ...(rate !== undefined ? { rate } : {}),
    ...(vus !== undefined ? { vus } : {}),
    connections: flags.connections !== undefined ? parsePositiveInteger(flags.connections, '--connections') : (perf.connections ?? PERF_DEFAULTS.connections),
    ...(workers !== undefined ? { workers } : {}),
    thresholds: (flags.threshold ?? perf.thresholds ?? []).map(parseThreshold),
    abortOnFail: flags.abortOnFail ?? false,
    ...(flags.baseline !== undefined ? { baseline: flags.baseline } : {}),
    ...(reports.json !== undefined ? { reportJson: reports.json } : {}),
    exports,
    headers: [...configHeaderPairs(config.headers, (line) => parseHeader(line, `${file}: headers`)), ...(flags.header ?? []).map((line) => parseHeader(line))],
    credentials: credentialsOf(flags, config),
    includeWrites: flags.includeWrites ?? perf.includeWrites ?? false,
    automaticScenarios: flags.scenarios !== false,
    scenarios: perf.scenarios ?? [],
    scenariosSource: `${file}: perf.scenarios`,
    weights: {
      ...(perf.weights ?? {}),
      ...(flags.weights !== undefined ? readWeightsFile(flags.weights) : {}),
      ...Object.fromEntries((flags.weight ?? []).map(parseWeight)),
    },
    seed: flags.seed !== undefined ? parseSeed(flags.seed) : (perf.seed ?? PERF_DEFAULTS.seed),
    timeoutMs: flags.timeout !== undefined ? parsePositiveInteger(flags.timeout, '--timeout') : (perf.timeout ?? PERF_DEFAULTS.timeoutMs),
    insecure: flags.insecure ?? config.insecure ?? false,
    ...(thinkTime !== undefined ? { thinkTime } : {}),
  };
  if (config.auth?.login !== undefined) settings.login = config.auth.login;
  return settings;
}

/** The file's rate: a number of requests per second, or text such as `100/s` (validated when read). */
function rateOf(rate: number | string): number {
  return typeof rate === 'number' ? rate : parseRate(rate);
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

function checkUrl(text: string, where: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SentinelError('usage', `${where} '${text}': not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SentinelError('usage', `${where} '${text}': only http and https are supported`);
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
