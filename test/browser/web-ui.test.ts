// The web UI in a real Chromium against `sentinel serve` and the example API: the first admin signs in
// and chooses a password, uploads the description, starts a run and watches it finish live, opens a
// finding, copies its curl and downloads JUnit; a viewer sees no button it may not use; an expired
// access token is refreshed without losing what was typed; an ended session signs in back to its page.
// Every page is checked with axe-core and saved at 1280 and 390 px under test-results/web.
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript module (JSDoc-typed), no declaration file.
import { startExampleApi } from '../../examples/shop-api/app.mjs';
// @ts-expect-error: plain JavaScript module (JSDoc-typed), no declaration file.
import { ALICE_TOKEN } from '../../examples/shop-api/identities.mjs';
import { capture, CHROMIUM, ensureBuilt, HAS_CHROMIUM, launch, ROOT, serve, SHOTS, stopServe, type Served } from './support.js';

const SPEC = resolve(ROOT, 'examples/shop-api/openapi.yaml');
const NEW_PASSWORD = 'browser-admin-password-1';
const VIEWER_PASSWORD = 'viewer-password-1234';

if (!HAS_CHROMIUM) console.warn(`browser tests skipped: ${CHROMIUM} is absent (install Debian's chromium: apt-get install -y chromium)`);

describe.skipIf(!HAS_CHROMIUM)('web UI in Chromium', { timeout: 120_000 }, () => {
  let served: Served | undefined;
  let target: { url: string; close: () => Promise<void> } | undefined;
  let browser: Browser | undefined;
  let admin: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  let specUrl = '';
  let runUrl = '';

  beforeAll(async () => {
    ensureBuilt();
    [served, target, browser] = await Promise.all([serve(), startExampleApi({ defects: true }), launch()]);
    admin = await browser!.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await admin.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: served!.url });
    admin.setDefaultTimeout(20_000);
    page = await admin.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await stopServe(served);
    await target?.close();
    if (served) rmSync(served.dataDir, { recursive: true, force: true });
  });

  it('the generated admin signs in, must choose a password, then reaches the dashboard', async () => {
    await page.goto(served!.url);
    await capture(page, 'sign-in');
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(served!.adminPassword);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Choose your password' }).waitFor();
    await capture(page, 'change-password');
    await page.getByLabel('Current password').fill(served!.adminPassword);
    await page.getByLabel('New password (at least 12 characters)').fill(NEW_PASSWORD);
    await page.getByLabel('New password again').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await page.getByText('No run yet.').waitFor();
    await capture(page, 'dashboard-empty');
  });

  it('uploads the description as a file and shows its operations, lint findings and versions', async () => {
    await page.getByRole('link', { name: 'Specifications' }).click();
    await page.getByText('No specification yet').waitFor();
    await page.getByLabel('Name (optional').fill('Shop');
    await page.getByLabel('Description file').setInputFiles(SPEC);
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByRole('heading', { name: /Shop v1/ }).waitFor();
    await page.getByText(/Readiness score: \d+\/100/).waitFor();
    expect(await page.getByRole('heading', { name: 'Operations (25)' }).count()).toBe(1);
    specUrl = page.url();
    await capture(page, 'specification');
    await page.getByRole('link', { name: 'Specifications', exact: true }).click();
    await page.getByRole('link', { name: 'Shop' }).waitFor();
    await capture(page, 'specifications');
  });

  it('starts a run, watches it finish live, opens a finding, copies its curl and downloads JUnit', async () => {
    await page.goto(specUrl);
    await page.getByRole('link', { name: 'New run' }).click();
    await page.getByLabel('Target base URL').fill(target!.url);
    await page.getByLabel('Header value').fill(`Bearer ${ALICE_TOKEN}`);
    await page.getByLabel('Seed').fill('7');
    await capture(page, 'new-run');
    await page.getByRole('button', { name: 'Start the run' }).click();
    // Live: the progress bar and counts come from the event stream while the run executes.
    await page.locator('progress').waitFor({ timeout: 30_000 });
    await page.getByTestId('cases-done').filter({ hasText: /^[1-9]\d* of \d+ cases/ }).waitFor({ timeout: 60_000 });
    await page.getByTestId('run-over').filter({ hasText: /^completed/ }).waitFor({ timeout: 120_000 });
    runUrl = page.url();
    await page.getByRole('region', { name: 'Findings' }).getByRole('link').first().waitFor();
    await capture(page, 'run');

    await page.getByLabel('Severity').selectOption('high').catch(() => page.getByLabel('Severity').selectOption({ index: 1 }));
    await page.getByLabel('Severity').selectOption('');
    await page.getByRole('region', { name: 'Findings' }).getByRole('link').first().click();
    await page.getByRole('heading', { name: 'Reproduce' }).waitFor();
    expect(await page.locator('.exchange mark').count(), 'the evidence is marked in the exchange').toBeGreaterThan(0);
    await capture(page, 'finding');
    const curl = (await page.getByTestId('curl').textContent())!;
    expect(curl).toMatch(/^curl /);
    await page.getByRole('button', { name: 'Copy the curl command' }).click();
    await page.getByRole('button', { name: 'Copy the curl command' }).filter({ hasText: 'Copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(curl);

    await page.getByRole('link', { name: '← Back to the run' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JUnit' }).click()]);
    const junit = readFileSync((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toMatch(/\.xml$/);
    expect(junit).toContain('<testsuites');

    await page.getByRole('link', { name: 'Runs', exact: true }).click();
    await page.getByRole('region', { name: 'Runs' }).waitFor();
    await capture(page, 'runs');
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('region', { name: 'Recent runs' }).waitFor();
    await page.locator('figure.chart svg[role=application]').waitFor();
    await capture(page, 'dashboard');
    // The README's two pictures: refreshed when SENTINEL_UPDATE_DOCS=1.
    if (process.env.SENTINEL_UPDATE_DOCS === '1') {
      mkdirSync(join(ROOT, 'docs'), { recursive: true });
      copyFileSync(join(SHOTS, 'dashboard-1280.png'), join(ROOT, 'docs/web-dashboard.png'));
      copyFileSync(join(SHOTS, 'finding-1280.png'), join(ROOT, 'docs/web-finding.png'));
    }
  }, 240_000);

  it('the admin pages: adds a viewer, creates an API key shown once, reads the audit log', async () => {
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('region', { name: 'Users' }).waitFor();
    await page.getByLabel('Username').fill('viewer1');
    await page.getByLabel('Password (at least 12 characters)').fill(VIEWER_PASSWORD);
    await page.getByRole('form', { name: 'Add a user' }).getByRole('combobox').selectOption('viewer');
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByRole('cell', { name: 'viewer1' }).waitFor();
    await capture(page, 'admin-users');

    await page.getByRole('link', { name: 'API keys' }).click();
    await page.getByLabel('Name').fill('ci');
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.getByText('copy it now, it is not shown again').waitFor();
    await capture(page, 'admin-api-keys');

    await page.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('region', { name: 'Audit events' }).waitFor();
    await page.getByLabel('Action').fill('auth.login');
    await page.getByRole('cell', { name: 'auth.login' }).first().waitFor();
    await capture(page, 'admin-audit');
  });

  it('a viewer sees no button that would answer 403', async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    const viewer = await context.newPage();
    await viewer.goto(runUrl);
    await viewer.getByLabel('Username').fill('viewer1');
    await viewer.getByLabel('Password').fill(VIEWER_PASSWORD);
    await viewer.getByRole('button', { name: 'Sign in' }).click();
    await viewer.getByTestId('run-over').waitFor();
    expect(await viewer.getByRole('button', { name: /Cancel run/ }).count()).toBe(0);
    await viewer.getByRole('button', { name: 'Download JUnit' }).waitFor();
    await viewer.goto(`${served!.url}/runs`);
    await viewer.getByRole('region', { name: 'Runs' }).waitFor();
    expect(await viewer.getByRole('link', { name: 'New run' }).count()).toBe(0);
    await viewer.goto(specUrl);
    await viewer.getByRole('heading', { name: /Shop v1/ }).waitFor();
    expect(await viewer.getByRole('link', { name: 'New run' }).count()).toBe(0);
    await viewer.goto(`${served!.url}/specifications`);
    await viewer.getByRole('region', { name: 'Specifications' }).waitFor();
    expect(await viewer.getByRole('button', { name: 'Upload' }).count()).toBe(0);
    expect(await viewer.getByRole('link', { name: 'Users' }).count()).toBe(0);
    await viewer.goto(`${served!.url}/runs/new`);
    await viewer.getByText('Your role (viewer) cannot open this page.').waitFor();
    await context.close();
  });

  it('an expired access token is refreshed without losing what was typed; an ended session signs in back to its page', async () => {
    const context = await browser!.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(20_000);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${served!.url}/specifications`);
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('region', { name: 'Specifications' }).waitFor();
    await page.getByRole('radio', { name: 'Paste' }).check();
    await page.getByLabel('Name (optional').fill('Shop');
    await page.getByLabel('Description (JSON or YAML)').fill(readFileSync(SPEC, 'utf8'));
    // The access token expires while the user types: the upload refreshes it and goes through.
    const before = await page.evaluate(() => {
      const tokens = JSON.parse(sessionStorage.getItem('sentinel.session')!);
      sessionStorage.setItem('sentinel.session', JSON.stringify({ ...tokens, accessToken: 'expired.access.token' }));
      return tokens.refreshToken as string;
    });
    await page.getByRole('button', { name: 'Upload' }).click();
    // Loading and linting the description takes seconds on a busy machine.
    await page
      .getByRole('heading', { name: /Shop v2/ })
      .or(page.getByRole('alert'))
      .first()
      .waitFor({ timeout: 90_000 })
      .catch(async (error: Error) => {
        throw new Error(`${error.message}\nthe page shows: ${(await page.locator('body').innerText()).slice(0, 800)}`);
      });
    expect(await page.getByRole('alert').allTextContents()).toEqual([]);
    await page.getByRole('heading', { name: /Shop v2/ }).waitFor();
    const after = await page.evaluate(() => JSON.parse(sessionStorage.getItem('sentinel.session')!).refreshToken as string);
    expect(after).not.toBe(before);

    // Both tokens gone bad (the session was ended elsewhere): sign-in, then the same page again.
    const here = page.url();
    await page.evaluate(() => sessionStorage.setItem('sentinel.session', JSON.stringify({ accessToken: 'bad', refreshToken: 'srt_revoked' })));
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in to Sentinel' }).waitFor();
    await page.getByLabel('Username').fill('admin');
    await page.getByLabel('Password').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: /Shop v2/ }).waitFor();
    expect(page.url()).toBe(here);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Sentinel' }).waitFor();
    await context.close();
    expect(pageErrors).toEqual([]);
  });
});
