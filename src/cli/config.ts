// `sentinel.config.yaml`: the same keys as `sentinel run`'s flags, validated once where the file is read
// (zod), with one-line errors naming the file and the key.
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { SentinelError } from '../core/errors.js';
import { PROFILES } from '../perf/plan/profiles.js';
import { parseThreshold } from '../perf/analyze/thresholds.js';
import { parseDuration, parseRate, parseThinkTime } from '../perf/plan/units.js';

const severity = z.enum(['critical', 'high', 'medium', 'low', 'info']);
const role = z.enum(['admin', 'user', 'low']);
const positiveInt = z.number().int().positive();
/** Headers as a map (`Name: value`) or as a list of `'Name: value'` lines, like the flag. */
const headers = z.union([z.record(z.string(), z.union([z.string(), z.number()]).transform(String)), z.array(z.string())]);
/** A login operation whose returned token becomes the identity's credential (see execution/auth/login.ts). */
const login = z.strictObject({
  operation: z.string(),
  body: z.unknown().optional(),
  token: z.string().regex(/^\$response\.(body#.*|body|header\..+)$/, 'expected $response.body#/pointer or $response.header.Name'),
  header: z.string().optional(),
  scheme: z.string().optional(),
});
const stringList = z.union([z.array(z.string()), z.string().transform((text) => text.split(',').map((s) => s.trim()).filter(Boolean))]);

/** A string that `parse` accepts; its one-line reason (without the flag name it starts with) otherwise. */
const parsedBy = (parse: (text: string) => unknown) =>
  z.string().superRefine((text, context) => {
    try {
      parse(text);
    } catch (error) {
      context.addIssue({ code: 'custom', message: (error as Error).message.replace(/^--[a-z-]+:?\s*/, '') });
    }
  });

/** One step of a config-defined load scenario (see perf/plan/user-scenarios.ts for the checks that need the description). */
const perfScenarioStep = z.strictObject({
  /** `POST /orders` as in the description, or an operationId. */
  operation: z.string().min(1),
  /** Parameter name → value; `${var}` in a string is a value an earlier step extracted (`${unique}`: new each iteration); a whole-string `'${var}'` keeps the value's JSON type. */
  params: z.record(z.string(), z.unknown()).optional(),
  body: z.unknown().optional(),
  /** Variable → `$response.body#/pointer`, `$response.header.Name` or `$response.header.Name#regex:<pattern>`. */
  extract: z.record(z.string(), z.string()).optional(),
});

/** `sentinel perf`'s settings; the same names as its flags. */
const perf = z.strictObject({
  profile: z.enum(PROFILES as [string, ...string[]]).optional(),
  duration: parsedBy((text) => parseDuration(text)).optional(),
  rate: z.union([z.number().positive(), parsedBy((text) => parseRate(text))]).optional(),
  vus: positiveInt.optional(),
  /** Virtual users' pause between turns: `1s` or `500ms-2s`. */
  thinkTime: parsedBy((text) => parseThinkTime(text)).optional(),
  connections: positiveInt.optional(),
  workers: positiveInt.optional(),
  thresholds: z.array(parsedBy(parseThreshold)).optional(),
  includeWrites: z.boolean().optional(),
  /** `METHOD /path`, an operationId or a scenario name → weight; 0 leaves it out. */
  weights: z.record(z.string(), z.number().nonnegative()).optional(),
  scenarios: z.array(z.strictObject({ name: z.string().min(1), weight: z.number().nonnegative().optional(), steps: z.array(perfScenarioStep).min(1) })).optional(),
  timeout: positiveInt.optional(),
  seed: z.number().int().nonnegative().optional(),
});

export type PerfConfig = z.infer<typeof perf>;
export type PerfScenarioConfig = NonNullable<PerfConfig['scenarios']>[number];

export const configSchema = z.strictObject({
  baseUrl: z.string().optional(),
  headers: headers.optional(),
  auth: z
    .strictObject({
      bearer: z.string().optional(),
      basic: z.string().optional(),
      apiKey: z.string().optional(),
      /** Role of the default identity. */
      role: role.optional(),
      login: login.optional(),
    })
    .optional(),
  identities: z
    .array(z.strictObject({ name: z.string().regex(/^[A-Za-z0-9_.-]+$/), role: role.optional(), headers: headers.default({}), login: login.optional() }))
    .optional(),
  agents: stringList.optional(),
  seed: z.number().int().nonnegative().optional(),
  maxExamples: positiveInt.optional(),
  concurrency: positiveInt.optional(),
  timeout: positiveInt.optional(),
  maxResponseTime: positiveInt.optional(),
  rateLimit: z.number().positive().optional(),
  include: stringList.optional(),
  exclude: stringList.optional(),
  report: z
    .strictObject({
      json: z.string().optional(),
      junit: z.string().optional(),
      sarif: z.string().optional(),
      markdown: z.string().optional(),
      html: z.string().optional(),
      ndjson: z.string().optional(),
      har: z.string().optional(),
    })
    .optional(),
  failOn: severity.optional(),
  /** Users' checks and agents (JavaScript files run in the sandbox); `--plugin` adds to them. */
  plugins: stringList.optional(),
  /** Per-call limits of every plugin call. */
  pluginLimits: z.strictObject({ cpuMs: positiveInt.optional(), memoryMb: positiveInt.optional(), stackKb: positiveInt.optional() }).optional(),
  /** Only these checks judge: built-in ids and plugin check names. */
  checks: stringList.optional(),
  /** Accept any TLS certificate of the target (self-signed test servers); `run` and `perf`. */
  insecure: z.boolean().optional(),
  perf: perf.optional(),
});

export type RunConfig = z.infer<typeof configSchema>;

export const DEFAULT_CONFIG_FILE = 'sentinel.config.yaml';

/** The explicit `--config` file, else `./sentinel.config.yaml` when it exists, else an empty config. */
export function loadConfig(explicit: string | undefined, cwd = process.cwd()): { config: RunConfig; file?: string } {
  const file = explicit ?? (existsSync(`${cwd}/${DEFAULT_CONFIG_FILE}`) ? `${cwd}/${DEFAULT_CONFIG_FILE}` : undefined);
  if (file === undefined) return { config: {} };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SentinelError('config', `${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return { config: parseConfig(text, file), file };
}

export function parseConfig(text: string, file: string): RunConfig {
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new SentinelError('config', `${file}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = configSchema.safeParse(document ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.join('.') : '(top level)';
    const unknown = issue.code === 'unrecognized_keys' ? `unknown key ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}` : issue.message;
    throw new SentinelError('config', `${file}: ${where}: ${unknown}`);
  }
  return parsed.data;
}

/** Config headers as `[name, value]` pairs, whichever form the file used. */
export function configHeaderPairs(value: RunConfig['headers'], parse: (line: string) => [string, string]): [string, string][] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.map(parse);
  return Object.entries(value).map(([name, v]) => [name.toLowerCase(), v]);
}
