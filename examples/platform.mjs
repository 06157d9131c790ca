#!/usr/bin/env node
// `npm start`: the platform with the project's example API beside it. Starts the example Shop API (with
// its seeded defects) on 127.0.0.1, serves the platform (`sentinel serve`, data in ./.sentinel), uploads the
// example's description, and prints the URL, the admin credentials and a curl that starts a run.
//   node examples/platform.mjs [--port 8000] [--data-dir .sentinel]
// The first start generates the admin password into <data-dir>/admin-password (mode 0600, like a CI
// server's initial password file) unless SENTINEL_ADMIN_PASSWORD is set; later starts read it again.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALICE_TOKEN, BOB_TOKEN } from './shop-api/identities.mjs';
import { startExampleApi } from './shop-api/app.mjs';

const cli = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
const specPath = fileURLToPath(new URL('./shop-api/openapi.yaml', import.meta.url));
const args = process.argv.slice(2);
const flag = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const port = flag('--port', process.env.PORT ?? '8000');
const dataDir = resolve(flag('--data-dir', '.sentinel'));

if (!existsSync(cli)) {
  process.stderr.write(`start: ${cli} does not exist; build Sentinel first (npm run build, or npm start)\n`);
  process.exit(2);
}

const password = process.env.SENTINEL_ADMIN_PASSWORD ?? initialPassword(dataDir);
const api = await startExampleApi({ defects: true });
const server = spawn(process.execPath, [cli, 'serve', '--port', port, '--data-dir', dataDir], {
  env: { ...process.env, SENTINEL_ADMIN_PASSWORD: password },
  stdio: ['ignore', 'pipe', 'inherit'],
});
server.stdout.pipe(process.stdout);
const stop = () => server.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.on('close', async (code) => {
  await api.close();
  process.exit(code ?? 0);
});

try {
  await announce(await listeningUrl(server));
} catch (error) {
  process.stderr.write(`start: ${error.message}\n`);
  stop();
}

async function announce(base) {
const login = await post(`${base}/api/v1/auth/login`, { username: 'admin', password });
const token = login.accessToken;
const existing = await get(`${base}/api/v1/specifications?q=${encodeURIComponent('Example Shop API')}&limit=1`, token);
const spec = existing.items[0] ?? (await post(`${base}/api/v1/specifications`, { name: 'Example Shop API', content: readFileSync(specPath, 'utf8') }, token));
const runBody = {
  specificationId: spec.id,
  baseUrl: api.url,
  headers: { Authorization: `Bearer ${ALICE_TOKEN}` },
  identities: [{ name: 'bob', role: 'user', headers: { Authorization: `Bearer ${BOB_TOKEN}` } }],
};
process.stdout.write(`
Sentinel platform: ${base}  (API docs: ${base}/docs)
  log in as:        admin / ${password}
  example API:      ${api.url} (seeded defects), its description stored as "${spec.name}" v${spec.version} (${spec.id})

Start a run and follow it:
  TOKEN=$(curl -s -X POST ${base}/api/v1/auth/login -H 'content-type: application/json' -d '{"username":"admin","password":"${password}"}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).accessToken')
  RUN=$(curl -s -X POST ${base}/api/v1/test-runs -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' -d '${JSON.stringify(runBody)}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).id')
  curl -N ${base}/api/v1/test-runs/$RUN/events -H "authorization: Bearer $TOKEN"
  curl -s "${base}/api/v1/test-runs/$RUN/findings?severity=critical" -H "authorization: Bearer $TOKEN"

Ctrl-C stops both.
`);
}

function initialPassword(dir) {
  const path = join(dir, 'admin-password');
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dir, { recursive: true });
  const generated = randomBytes(15).toString('base64url');
  writeFileSync(path, `${generated}\n`, { mode: 0o600 });
  return generated;
}

/** The URL `sentinel serve` prints when it listens. */
function listeningUrl(child) {
  return new Promise((resolveUrl, reject) => {
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(text);
      if (match) resolveUrl(match[1]);
    });
    child.on('close', () => reject(new Error('sentinel serve stopped before listening')));
  });
}

async function post(url, body, token) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function get(url, token) {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}
