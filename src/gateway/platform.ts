// `sentinel serve`: the whole platform in one process. Opens the database (PGlite in the data folder, or
// PostgreSQL with DATABASE_URL), loads or creates the keys, creates the first admin, cancels runs a
// previous process left behind, and composes the services behind the gateway.
import type { FastifyInstance } from 'fastify';
import { createAuthenticator } from '../auth/authenticate.js';
import { createLoginThrottle, DEFAULT_THROTTLE } from '../auth/login-throttle.js';
import { loadPlatformKeys } from '../auth/platform-keys.js';
import { createSecretBox } from '../auth/secret-box.js';
import { ensureAdmin } from '../auth/users.js';
import { openDatabase, type Database } from '../data/index.js';
import { createOutboundPolicy, policyConfigFromEnv, type OutboundPolicyConfig } from '../execution/outbound-policy.js';
import { createInProcessExecutor, type RunExecutor } from '../orchestration/platform/run-executor.js';
import { createRunService, type RunService } from '../orchestration/platform/run-service.js';
import { apiKeyRoutes } from './routes/api-keys.js';
import { auditRoutes } from './routes/audit-events.js';
import { authRoutes } from './routes/auth.js';
import { specificationRoutes } from './routes/specifications.js';
import { testRunRoutes } from './routes/test-runs.js';
import { userRoutes } from './routes/users.js';
import { createGateway, GATEWAY_DEFAULTS } from './server.js';

export interface PlatformOptions {
  dataDir: string;
  databaseUrl?: string;
  env?: NodeJS.ProcessEnv;
  outbound?: OutboundPolicyConfig;
  bodyLimit?: number;
  rateLimitPerMinute?: number;
  loginRateLimitPerMinute?: number;
  /** Timeout of fetching a specification URL. */
  specFetchTimeoutMs?: number;
  maxParallelRuns?: number;
  executor?: RunExecutor;
  logger?: boolean;
}

export interface Platform {
  app: FastifyInstance;
  database: Database;
  runs: RunService;
  /** Set on the first start when SENTINEL_ADMIN_PASSWORD was not given: print it once. */
  generatedAdminPassword?: string;
  /** Runs found queued or running at start (a previous process stopped without finishing them). */
  recoveredRuns: number;
  /** Stop accepting, cancel in-flight runs (recorded as cancelled), close the database. */
  close(): Promise<void>;
}

/** A positive integer from the environment, or the default. */
function envInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name}=${JSON.stringify(text)}: expected a positive integer`);
  return value;
}

export async function createPlatform(options: PlatformOptions): Promise<Platform> {
  const env = options.env ?? process.env;
  const keys = loadPlatformKeys(options.dataDir, env);
  const database = await openDatabase({ dataDir: options.dataDir, ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}) });
  try {
    const { db } = database;
    const admin = await ensureAdmin(db, env.SENTINEL_ADMIN_PASSWORD);
    const policy = createOutboundPolicy(policyConfigFromEnv(env, options.outbound));
    const runs = createRunService({
      db,
      executor: options.executor ?? createInProcessExecutor(policy),
      secretBox: createSecretBox(keys.secretKey),
      policy,
      maxParallelRuns: options.maxParallelRuns ?? envInteger(env, 'SENTINEL_MAX_PARALLEL_RUNS', 2),
    });
    const recoveredRuns = await runs.recover();
    const loginRateLimitPerMinute = options.loginRateLimitPerMinute ?? envInteger(env, 'SENTINEL_LOGIN_RATE_LIMIT', GATEWAY_DEFAULTS.loginRateLimitPerMinute);
    const app = await createGateway({
      bodyLimit: options.bodyLimit ?? envInteger(env, 'SENTINEL_BODY_LIMIT', GATEWAY_DEFAULTS.bodyLimit),
      rateLimitPerMinute: options.rateLimitPerMinute ?? envInteger(env, 'SENTINEL_RATE_LIMIT', GATEWAY_DEFAULTS.rateLimitPerMinute),
      loginRateLimitPerMinute,
      authenticate: createAuthenticator(db, keys.jwtSecret),
      isReady: database.isReady,
      logger: options.logger ?? false,
      services: [
        authRoutes({ db, jwtSecret: keys.jwtSecret, throttle: createLoginThrottle(DEFAULT_THROTTLE), loginRateLimitPerMinute }),
        specificationRoutes({ db, policy, fetchTimeoutMs: options.specFetchTimeoutMs ?? envInteger(env, 'SENTINEL_SPEC_FETCH_TIMEOUT_MS', 10_000) }),
        testRunRoutes(db, runs),
        userRoutes(db),
        apiKeyRoutes(db),
        auditRoutes(db),
      ],
    });
    let closing: Promise<void> | undefined;
    return {
      app,
      database,
      runs,
      recoveredRuns,
      ...(admin.generatedPassword !== undefined ? { generatedAdminPassword: admin.generatedPassword } : {}),
      close: () =>
        (closing ??= (async () => {
          // Stop accepting first; open event streams are ended by the runs' cancellation.
          const closed = app.close();
          await runs.shutdown();
          await closed;
          await database.close();
        })()),
    };
  } catch (error) {
    await database.close().catch(() => undefined);
    throw error;
  }
}
