// The permission matrix holds for every route × (anonymous, viewer, tester, manager, admin, API key).
// The matrix is read from README.md's Platform section, so the documentation and the server cannot drift;
// every secured route of the server's own OpenAPI document must be in it.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, removeDataDir, startTestPlatform, type TestPlatform } from '../support/platform.js';

const ROLES = ['viewer', 'tester', 'manager', 'admin'] as const;
type Role = (typeof ROLES)[number];

interface MatrixRow {
  resource: string;
  action: string;
  routes: { method: string; path: string }[];
  allowed: Set<Role>;
}

/** The table under "**Permissions.**" in README.md: resource | action | routes | viewer | tester | manager | admin. */
function readMatrix(): MatrixRow[] {
  const readme = readFileSync(resolve(import.meta.dirname, '../../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('**Permissions.**'));
  const lines = section.split('\n');
  const start = lines.findIndex((line) => line.startsWith('| resource | action | routes |'));
  const rows: MatrixRow[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    const routes = [...cells[2]!.matchAll(/`(GET|POST|PATCH|PUT|DELETE) ([^`]+)`/g)].map((match) => ({ method: match[1]!, path: match[2]! }));
    const allowed = new Set(ROLES.filter((_, index) => cells[3 + index] === '✓'));
    rows.push({ resource: cells[0]!, action: cells[1]!, routes, allowed });
  }
  return rows;
}

const MATRIX = readMatrix();

/** A body that passes authorization but not validation, so an allowed call changes nothing. */
function harmlessBody(method: string, path: string): unknown {
  if (method === 'GET' || method === 'DELETE') return undefined;
  if (path.endsWith('/cancel')) return undefined;
  if (path === '/api/v1/auth/logout') return { refreshToken: 'srt_not-a-real-token' };
  return {};
}

describe('permission matrix (README.md) × every route', () => {
  let platform: TestPlatform;
  const tokens = {} as Record<Role, string>;
  let apiKey = '';

  beforeAll(async () => {
    platform = await startTestPlatform();
    tokens.admin = await platform.login('admin', ADMIN_PASSWORD);
    for (const role of ['viewer', 'tester', 'manager'] as const) {
      const created = await platform.call('POST', '/api/v1/users', { token: tokens.admin, body: { username: `${role}-user`, password: `${role}-password-1234`, role } });
      expect(created.status).toBe(201);
      tokens[role] = await platform.login(`${role}-user`, `${role}-password-1234`);
    }
    const key = await platform.call('POST', '/api/v1/api-keys', { token: tokens.manager, body: { name: 'ci', role: 'tester' } });
    expect(key.status).toBe(201);
    apiKey = key.json.key;
  }, 240_000);

  afterAll(async () => {
    await platform?.stop();
    if (platform) removeDataDir(platform.dataDir);
  });

  it('the README matrix names every secured route of the OpenAPI document, and only those', async () => {
    const document = (await platform.call('GET', '/openapi.json')).json;
    const secured: string[] = [];
    for (const [path, operations] of Object.entries(document.paths as Record<string, Record<string, { security: unknown[] }>>)) {
      for (const [method, operation] of Object.entries(operations)) if (operation.security.length > 0) secured.push(`${method.toUpperCase()} ${path}`);
    }
    const documented = MATRIX.flatMap((row) => row.routes.map((route) => `${route.method} ${route.path}`));
    expect(MATRIX.length).toBeGreaterThan(10);
    expect([...documented].sort()).toEqual([...secured].sort());
  });

  for (const row of MATRIX) {
    for (const route of row.routes) {
      it(`${route.method} ${route.path} (${row.resource} ${row.action}): anonymous 401, roles as the matrix says`, async () => {
        const url = route.path.replace('{id}', randomUUID());
        const body = harmlessBody(route.method, route.path);
        const anonymous = await platform.call(route.method, url, { body });
        expect(anonymous.status, 'anonymous').toBe(401);
        expect(anonymous.headers['content-type']).toMatch(/^application\/problem\+json/);
        const invalid = await platform.call(route.method, url, { body, token: 'not-a-token' });
        expect(invalid.status, 'bad token').toBe(401);
        for (const role of ROLES) {
          const answer = await platform.call(route.method, url, { body, token: tokens[role] });
          if (row.allowed.has(role)) {
            expect([401, 403], `${role}: ${answer.text}`).not.toContain(answer.status);
            expect(answer.status, `${role}: ${answer.text}`).toBeLessThan(500);
          } else {
            expect(answer.status, `${role}: ${answer.text}`).toBe(403);
          }
        }
        // The API key was made with the tester role: it gets exactly the tester's column, by either header.
        const byHeader = await platform.call(route.method, url, { body, apiKey });
        const byBearer = await platform.call(route.method, url, { body, token: apiKey });
        for (const answer of [byHeader, byBearer]) {
          if (row.allowed.has('tester')) expect([401, 403], answer.text).not.toContain(answer.status);
          else expect(answer.status, answer.text).toBe(403);
        }
      });
    }
  }
});
