// The browser tests' tools: Debian's Chromium through playwright-core (never a downloaded browser),
// `sentinel serve` (the built CLI, web UI included) on a temporary data folder, axe-core checks and
// screenshots at the two widths the UI is designed for.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
export const SHOTS = resolve(ROOT, 'test-results/web');
const CLI = resolve(ROOT, 'dist/cli/main.js');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The CLI and the UI as `npm run build` makes them (built here only when a single file is run alone). */
export function ensureBuilt(): void {
  if (!existsSync(CLI)) spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'ignore' });
  if (!existsSync(resolve(ROOT, 'dist/web/index.html'))) spawnSync('npm', ['run', 'build:web'], { cwd: ROOT, stdio: 'ignore' });
  expect(existsSync(resolve(ROOT, 'dist/web/index.html')), 'dist/web/index.html (npm run build)').toBe(true);
}

export interface Served {
  child: ChildProcess;
  url: string;
  dataDir: string;
  adminPassword: string;
}

/** `sentinel serve --port 0` on a fresh data folder; the admin's password is the generated one it prints. */
export function serve(): Promise<Served> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sentinel-web-'));
  const env = { ...process.env, DATABASE_URL: '' };
  delete env.SENTINEL_ADMIN_PASSWORD;
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--data-dir', dataDir], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout!.on('data', (chunk) => (text += chunk));
  child.stderr!.on('data', (chunk) => (text += chunk));
  return new Promise((done, fail) => {
    const timer = setInterval(() => {
      const url = /listening on (http:\/\/\S+)/.exec(text)?.[1];
      const password = /admin with the password (\S+)/.exec(text)?.[1];
      if (url && password) {
        clearInterval(timer);
        done({ child, url, dataDir, adminPassword: password });
      }
    }, 100);
    child.on('close', (code) => {
      clearInterval(timer);
      fail(new Error(`sentinel serve exited ${code}: ${text}`));
    });
  });
}

export function stopServe(served: Served | undefined): Promise<void> {
  return new Promise((done) => {
    if (!served || served.child.exitCode !== null) return done();
    served.child.once('close', () => done());
    served.child.kill('SIGTERM');
  });
}

/** Chromium with a fresh profile: playwright-core's launch makes a new temporary --user-data-dir each time. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    headless: true,
  });
}

/** No serious or critical axe-core violation on the page as it is now. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not govern.
  await page.evaluate(`${AXE}\n;undefined`);
  const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })))`)) as { id: string; impact: string; help: string; nodes: string[] }[];
  const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious, `${name}: ${JSON.stringify(serious, null, 1)}`).toEqual([]);
}

/** Checks the page with axe-core, then saves it at 1280 and 390 px wide. */
export async function capture(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await expectAccessible(page, name);
  await page.screenshot({ path: join(SHOTS, `${name}-1280.png`), fullPage: true, animations: 'disabled', timeout: 60_000 });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(150);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name}: the page is wider than a 390 px phone`).toBeLessThanOrEqual(1);
  await page.screenshot({ path: join(SHOTS, `${name}-390.png`), fullPage: true, animations: 'disabled', timeout: 60_000 });
  await page.setViewportSize({ width: 1280, height: 900 });
}
