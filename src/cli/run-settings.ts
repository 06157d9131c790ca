// The settings of one `sentinel run`: flags over the config file over defaults, validated into types.
import { randomInt } from 'node:crypto';
import { SentinelError } from '../core/errors.js';
import { parseHeader, parseIdentityFlag, type Role, type SchemeCredentials } from '../execution/auth/identity.js';
import type { LoginSpec } from '../execution/auth/login.js';
import { SEVERITIES, type Severity } from '../core/finding.js';
import { parseFilter, type OperationFilter } from '../orchestration/select-operations.js';
import { REPORT_FORMATS, isReportFormat, type ReportFormat } from '../report/index.js';
import type { SandboxLimits } from '../sandbox/limits.js';
import { configHeaderPairs, type RunConfig } from './config.js';


/** What commander hands over: strings, and arrays for repeatable flags. */
export interface RunFlags {
  baseUrl?: string;
  header?: string[];
  identity?: string[];
  bearer?: string;
  basic?: string;
  apiKey?: string;
  agents?: string;
  seed?: string;
  maxExamples?: string;
  concurrency?: string;
  timeout?: string;
  maxResponseTime?: string;
  rateLimit?: string;
  include?: string[];
  exclude?: string[];
  report?: string[];
  failOn?: string;
  baseline?: string;
  failOnFlaky?: boolean;
  config?: string;
  insecure?: boolean;
  plugin?: string[];
}

export interface RunSettings {
  baseUrl: string;
  headers: [string, string][];
  credentials: SchemeCredentials;
  defaultRole?: Role;
  identities: { name: string; role?: Role; headers: [string, string][]; login?: LoginSpec }[];
  /** The default identity logs in this way (config `auth.login`). */
  defaultLogin?: LoginSpec;
  /** `undefined`: every registered agent. */
  agents?: string[];
  seed: number;
  maxExamples: number;
  concurrency: number;
  timeoutMs: number;
  maxResponseTimeMs?: number;
  rateLimit?: number;
  include: OperationFilter[];
  exclude: OperationFilter[];
  reports: { format: ReportFormat; path: string }[];
  failOn: Severity;
  /** A previous `--report json=` file: only findings new since then fail the run. */
  baseline?: string;
  /** Flaky findings (not reproduced when sent again) fail the run too. */
  failOnFlaky: boolean;
  /** Accept any TLS certificate (flag or config `insecure`). */
  insecure: boolean;
  /** Plugin files: config `plugins:` then `--plugin` flags. */
  plugins: string[];
  pluginLimits: Partial<SandboxLimits>;
  /** Config `checks:`; undefined means every check. */
  checks?: string[];
}

export const DEFAULTS = { maxExamples: 10, concurrency: 8, timeoutMs: 10_000, failOn: 'low' as Severity };

export function resolveSettings(flags: RunFlags, config: RunConfig): RunSettings {
  const baseUrl = flags.baseUrl ?? config.baseUrl;
  if (baseUrl === undefined) throw new SentinelError('usage', '--base-url is required (or baseUrl in the config file)');
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new SentinelError('usage', `--base-url ${JSON.stringify(baseUrl)}: not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SentinelError('usage', `--base-url ${JSON.stringify(baseUrl)}: only http and https are supported`);

  const headers = [...configHeaderPairs(config.headers, (line) => parseHeader(line, 'config headers')), ...(flags.header ?? []).map((h) => parseHeader(h))];
  const identities = (config.identities ?? []).map((entry) => ({
    name: entry.name,
    ...(entry.role ? { role: entry.role } : {}),
    headers: configHeaderPairs(entry.headers, (line) => parseHeader(line, `config identity ${entry.name}`)),
    ...(entry.login ? { login: entry.login } : {}),
  }));
  for (const text of flags.identity ?? []) {
    const { name, header } = parseIdentityFlag(text);
    identities.push({ name, headers: [header] });
  }
  const credentials = credentialsOf(flags, config);

  const agents = flags.agents !== undefined ? splitList(flags.agents) : config.agents;
  const failOn = flags.failOn ?? config.failOn ?? DEFAULTS.failOn;
  if (!(SEVERITIES as readonly string[]).includes(failOn)) {
    throw new SentinelError('usage', `--fail-on ${JSON.stringify(failOn)}: expected one of ${SEVERITIES.join(', ')}`);
  }
  const settings: RunSettings = {
    baseUrl,
    headers,
    credentials,
    identities,
    seed: integer('--seed', flags.seed, 0) ?? config.seed ?? randomInt(0, 2 ** 31 - 1),
    maxExamples: integer('--max-examples', flags.maxExamples, 1) ?? config.maxExamples ?? DEFAULTS.maxExamples,
    concurrency: integer('--concurrency', flags.concurrency, 1) ?? config.concurrency ?? DEFAULTS.concurrency,
    timeoutMs: integer('--timeout', flags.timeout, 1) ?? config.timeout ?? DEFAULTS.timeoutMs,
    include: (flags.include ?? config.include ?? []).map((text) => parseFilter(text, '--include')),
    exclude: (flags.exclude ?? config.exclude ?? []).map((text) => parseFilter(text, '--exclude')),
    reports: resolveReports(flags.report, config.report),
    failOn: failOn as Severity,
    failOnFlaky: flags.failOnFlaky ?? false,
    insecure: flags.insecure ?? config.insecure ?? false,
    plugins: [...(config.plugins ?? []), ...(flags.plugin ?? [])],
    pluginLimits: pluginLimitsOf(config.pluginLimits),
  };
  if (config.checks !== undefined) settings.checks = config.checks;
  if (config.auth?.role !== undefined) settings.defaultRole = config.auth.role;
  if (config.auth?.login !== undefined) settings.defaultLogin = config.auth.login;
  if (agents !== undefined) settings.agents = agents;
  if (flags.baseline !== undefined) settings.baseline = flags.baseline;
  const maxResponseTime = integer('--max-response-time', flags.maxResponseTime, 1) ?? config.maxResponseTime;
  if (maxResponseTime !== undefined) settings.maxResponseTimeMs = maxResponseTime;
  const rateLimit = positiveNumber('--rate-limit', flags.rateLimit) ?? config.rateLimit;
  if (rateLimit !== undefined) settings.rateLimit = rateLimit;
  return settings;
}

/** The default identity's scheme credentials: flags over the config's `auth` (`sentinel run` and `sentinel perf`). */
export function credentialsOf(flags: Pick<RunFlags, 'bearer' | 'basic' | 'apiKey'>, config: RunConfig): SchemeCredentials {
  const credentials: SchemeCredentials = {};
  const bearer = flags.bearer ?? config.auth?.bearer;
  const basic = flags.basic ?? config.auth?.basic;
  const apiKey = flags.apiKey ?? config.auth?.apiKey;
  if (bearer !== undefined) credentials.bearer = bearer;
  if (basic !== undefined) {
    if (!basic.includes(':')) throw new SentinelError('usage', '--basic: expected user:password');
    credentials.basic = basic;
  }
  if (apiKey !== undefined) credentials.apiKey = apiKey;
  return credentials;
}

function pluginLimitsOf(limits: RunConfig['pluginLimits']): Partial<SandboxLimits> {
  const chosen: Partial<SandboxLimits> = {};
  if (limits?.cpuMs !== undefined) chosen.cpuMs = limits.cpuMs;
  if (limits?.memoryMb !== undefined) chosen.memoryBytes = limits.memoryMb * 1024 * 1024;
  if (limits?.stackKb !== undefined) chosen.stackBytes = limits.stackKb * 1024;
  return chosen;
}

function splitList(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}

function integer(flag: string, text: string | undefined, min: number): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min) {
    throw new SentinelError('usage', `${flag} ${JSON.stringify(text)}: expected an integer ≥ ${min}`);
  }
  return value;
}

function positiveNumber(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value <= 0) throw new SentinelError('usage', `${flag} ${JSON.stringify(text)}: expected a number > 0`);
  return value;
}

/** `--report json=PATH` per format; a flag wins over the config's entry for the same format. */
function resolveReports(flags: string[] | undefined, config: RunConfig['report']): RunSettings['reports'] {
  const byFormat = new Map<ReportFormat, string>();
  for (const [format, path] of Object.entries(config ?? {})) if (path !== undefined) byFormat.set(format as ReportFormat, path);
  for (const text of flags ?? []) {
    const eq = text.indexOf('=');
    const format = text.slice(0, eq);
    const path = text.slice(eq + 1);
    if (eq < 0 || !isReportFormat(format) || path === '') {
      throw new SentinelError('usage', `--report ${JSON.stringify(text)}: expected FORMAT=PATH with FORMAT one of ${REPORT_FORMATS.join(', ')}`);
    }
    byFormat.set(format, path);
  }
  return [...byFormat].map(([format, path]) => ({ format, path }));
}
