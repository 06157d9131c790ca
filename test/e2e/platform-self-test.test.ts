// Sentinel tests itself: `sentinel run` on the platform's own /openapi.json with an admin token and every
// agent must find nothing at medium or above. The platform under test denies loopback targets, as a
// shared deployment would, so the runs and URL fetches the agents ask for never reach the run's canary.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, removeDataDir, startTestPlatform, type TestPlatform } from '../support/platform.js';
import { buildCliBeforeAll, CLI } from '../support/cli.js';

const ALL_AGENTS = 'positive,negative,mocking,stateful,auth,injection';

/**
 * The one known gap, kept visible rather than hidden by a filter on the run: a `content` that is a string
 * but not an API description is refused with 422 naming why, and the positive agent, which cannot know
 * that a text field must hold a description, counts that as valid input refused.
 */
function isKnownGap(finding: { check: string; operation: string; response?: { status: number; body: string } }): boolean {
  return (
    finding.check === 'positive_data_acceptance' &&
    finding.operation === 'POST /api/v1/specifications' &&
    finding.response?.status === 422 &&
    /not an OpenAPI description|not JSON or YAML|description/i.test(finding.response.body)
  );
}

describe('Sentinel tests its own platform API', () => {
  buildCliBeforeAll();
  let platform: TestPlatform;
  let url = '';

  beforeAll(async () => {
    platform = await startTestPlatform({ outbound: { deny: ['127.0.0.0/8', '::1/128'] } });
    url = await platform.platform.app.listen({ port: 0, host: '127.0.0.1' });
  }, 240_000);

  afterAll(async () => {
    await platform?.stop();
    if (platform) removeDataDir(platform.dataDir);
  });

  it('all agents on /openapi.json with an admin token: nothing at medium or above', async () => {
    const token = await platform.login('admin', ADMIN_PASSWORD);
    const dir = mkdtempSync(join(tmpdir(), 'sentinel-self-'));
    try {
      const reportPath = join(dir, 'report.json');
      const { code, stderr } = await new Promise<{ code: number; stderr: string }>((done) => {
        execFile(
          process.execPath,
          [CLI, 'run', `${url}/openapi.json`, '--base-url', url, '--bearer', token, '--agents', ALL_AGENTS, '--seed', '1', '--fail-on', 'medium', '--report', `json=${reportPath}`],
          { timeout: 240_000, maxBuffer: 32 * 1024 * 1024 },
          (error, _stdout, err) => done({ code: error ? Number(error.code ?? -1) : 0, stderr: String(err) }),
        );
      });
      expect(code, stderr).not.toBe(2);
      const report = JSON.parse(readFileSync(reportPath, 'utf8')) as {
        summary: { operations: number; requests: number };
        findings: { check: string; severity: string; operation: string; title: string; response?: { status: number; body: string } }[];
      };
      expect(report.summary.operations).toBeGreaterThan(20);
      const serious = report.findings.filter((finding) => ['critical', 'high', 'medium'].includes(finding.severity) && !isKnownGap(finding));
      expect(serious.map((finding) => `${finding.severity} ${finding.check} ${finding.operation}: ${finding.title}`)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
