// A platform in this process on a temporary data folder, with helpers to call it through Fastify's
// inject (no sockets) or over HTTP. Shared by the platform test files.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPlatform, type Platform, type PlatformOptions } from '../../src/gateway/platform.js';

export const ADMIN_PASSWORD = 'admin-password-for-tests';

export interface TestPlatform {
  platform: Platform;
  dataDir: string;
  call(method: string, url: string, options?: { token?: string; apiKey?: string; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; json: any; text: string; headers: Record<string, unknown> }>;
  login(username: string, password: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startTestPlatform(options: Partial<PlatformOptions> = {}, dataDir = mkdtempSync(join(tmpdir(), 'sentinel-platform-'))): Promise<TestPlatform> {
  const platform = await createPlatform({
    dataDir,
    env: { SENTINEL_ADMIN_PASSWORD: ADMIN_PASSWORD },
    rateLimitPerMinute: 100_000,
    loginRateLimitPerMinute: 10_000,
    ...options,
  });
  await platform.app.ready();
  const call: TestPlatform['call'] = async (method, url, { token, apiKey, body, headers = {} } = {}) => {
    const response = await platform.app.inject({
      method: method as 'GET',
      url,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(apiKey ? { 'x-api-key': apiKey } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
    });
    let json: unknown;
    try {
      json = JSON.parse(response.body);
    } catch {
      json = undefined;
    }
    return { status: response.statusCode, json, text: response.body, headers: response.headers };
  };
  return {
    platform,
    dataDir,
    call,
    async login(username, password) {
      const response = await call('POST', '/api/v1/auth/login', { body: { username, password } });
      if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${response.text}`);
      return response.json.accessToken as string;
    },
    async stop() {
      await platform.close();
    },
  };
}

export function removeDataDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true });
}
