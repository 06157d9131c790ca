// The html, har and ndjson reports of a real run against the example API: the HTML report opens in
// Chromium offline (no request leaves the page, no console error) and shows every finding; the HAR is
// valid HAR 1.2; the ndjson is the event stream. Chromium is Debian's (/usr/bin/chromium): without it the
// browser test is skipped, saying why.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliBeforeAll, sentinel } from '../support/cli.js';
import { CONFIG, SPEC } from './example-harness.js';
// @ts-expect-error: plain JavaScript module (JSDoc-typed), no declaration file.
import { startExampleApi } from '../../examples/shop-api/app.mjs';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const dir = mkdtempSync(join(tmpdir(), 'sentinel-report-files-'));
const paths = { json: join(dir, 'run.json'), html: join(dir, 'run.html'), har: join(dir, 'run.har'), ndjson: join(dir, 'run.ndjson') };
let report: { summary: { requests: number }; findings: { title: string }[] };

buildCliBeforeAll();
beforeAll(async () => {
  const api: { url: string; close: () => Promise<void> } = await startExampleApi({ defects: true });
  try {
    const scope = ['--include', 'operationId:getHealth', '--include', 'operationId:sendFeedback', '--include', 'operationId:getUser', '--agents', 'positive,negative'];
    const reports = Object.entries(paths).flatMap(([format, path]) => ['--report', `${format}=${path}`]);
    const run = await sentinel(['run', SPEC, '--base-url', api.url, '--config', CONFIG, '--seed', '5', ...scope, ...reports], { timeoutMs: 110_000 });
    expect(run.code, run.stderr).toBe(1);
    report = JSON.parse(readFileSync(paths.json, 'utf8'));
  } finally {
    await api.close();
  }
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!existsSync(CHROMIUM))(`the HTML report in Chromium (${CHROMIUM}; skipped when it is not installed)`, () => {
  it('opens offline with no console error and no request, and shows every finding', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const context = await browser.newContext({ offline: true });
      const page = await context.newPage();
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('request', (request) => requests.push(request.url()));
      const url = pathToFileURL(paths.html).href;
      await page.goto(url, { waitUntil: 'load' });
      expect(problems).toEqual([]);
      expect(requests).toEqual([url]);
      expect(await page.title()).toMatch(/^Sentinel report: http:\/\/127\.0\.0\.1:\d+$/);
      expect(await page.locator('details.finding').count()).toBe(report.findings.length);
      expect(await page.locator('figure.chart svg').count()).toBe(2);
      expect(await page.locator('figure.chart svg rect:not([width="0"])').first().isVisible()).toBe(true);
      // The matrix has a row per tested operation.
      const rows = await page.locator('.matrix tbody tr td:first-child').allTextContents();
      expect(rows).toEqual(expect.arrayContaining(['GET /health', 'POST /feedback', 'GET /users/{userId}']));
      // A finding opens to its request, response and curl line.
      await page.locator('details.finding summary').first().click();
      expect(await page.locator('details.finding').first().locator('pre').last().textContent()).toMatch(/^curl /);
    } finally {
      await browser.close();
    }
  }, 60_000);
});

describe('the HAR and ndjson reports of the same run', () => {
  it('the HAR is valid HAR 1.2 with every request of the run and no credential', () => {
    const har = JSON.parse(readFileSync(paths.har, 'utf8'));
    const schema = JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/har/har-1.2.schema.json'), 'utf8'));
    const validate = addFormats(new Ajv({ allErrors: true, strict: false })).compile(schema);
    expect(validate(har), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(har.log.entries).toHaveLength(report.summary.requests);
    const bearer = readFileSync(CONFIG, 'utf8').match(/bearer: (\S+)/)![1]!;
    expect(readFileSync(paths.har, 'utf8')).not.toContain(bearer);
  });

  it('the ndjson is the event stream, one event a line, ending with run.finished', () => {
    const events = readFileSync(paths.ndjson, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line) as { type: string });
    expect(events[0]!.type).toBe('run.started');
    expect(events.at(-1)!.type).toBe('run.finished');
    expect(events.filter((e) => e.type === 'exchange')).toHaveLength(report.summary.requests);
    expect(events.filter((e) => e.type === 'finding')).toHaveLength(report.findings.length);
  });
});
