// ignored_auth, bola and bfla as tables: 2xx is a finding, refusals and inconclusive runs are not.
import { describe, expect, it } from 'vitest';
import { bfla } from '../../../../src/execution/checks/bfla.js';
import { bola } from '../../../../src/execution/checks/bola.js';
import { ignoredAuth } from '../../../../src/execution/checks/ignored-auth.js';
import type { TestCase } from '../../../../src/core/test-case.js';
import { executed, judge, judgeScenario, request } from './security-fixtures.js';

describe('ignored_auth', () => {
  const variant = (constraint: string, override?: Record<string, string>): TestCase => ({
    id: 'a',
    agent: 'auth',
    operation: 'GET /orders',
    title: 't',
    expectation: 'any',
    request: request(override ? { authOverride: override } : { identity: null }),
    mutation: { location: 'header', target: override ? Object.keys(override)[0]! : 'credentials', constraint, description: constraint },
    checks: ['ignored_auth'],
  });
  it.each([
    ['no credentials → 200', variant('no_credentials'), 200, 'credentials_not_checked'],
    ['malformed → 200: the same defect', variant('malformed_bearer', { Authorization: 'Bearer x' }), 200, 'credentials_not_checked'],
    ['alg none → 204', variant('jwt_alg_none', { Authorization: 'Bearer e30.e30.' }), 204, 'jwt_alg_none'],
    ['no credentials → 401', variant('no_credentials'), 401, undefined],
    ['expired → 403', variant('jwt_expired', { Authorization: 'Bearer x.y.z' }), 403, undefined],
    ['malformed → 404 (hides the resource)', variant('malformed_bearer', { Authorization: 'Bearer x' }), 404, undefined],
    ['malformed → 500 (server_error’s finding, not this one)', variant('malformed_bearer', { Authorization: 'Bearer x' }), 500, undefined],
  ] as [string, TestCase, number, string | undefined][])('%s', (_name, testCase, status, cause) => {
    const findings = judge(ignoredAuth, testCase, { status, json: [] });
    expect(findings.map((f) => f.cause)).toEqual(cause ? [cause] : []);
  });
});

describe('bola', () => {
  const owner = (status: number) => executed('owner-read', { request: request({ identity: 'default' }) }, { status });
  const attack = (role: string, status: number) => executed(role, { request: request({ identity: 'bob' }) }, { status });
  it.each([
    ['attacker reads and deletes', [owner(200), attack('attacker-read', 200), attack('attacker-update', 403), attack('attacker-delete', 204)], ['attacker-read', 'attacker-delete']],
    ['every attack refused', [owner(200), attack('attacker-read', 404), attack('attacker-update', 403), attack('attacker-delete', 403)], []],
    ['owner could not read its own object: inconclusive', [owner(404), attack('attacker-read', 200)], []],
    ['no owner read at all', [attack('attacker-read', 200)], []],
  ])('%s', (_name, steps, causes) => {
    const findings = judgeScenario(bola, steps, { kind: 'bola' });
    expect(findings.map((f) => f.cause)).toEqual(causes);
    for (const finding of findings) expect(finding.evidence).toMatch(/as default: .*\nas bob: /);
  });
});

describe('bfla', () => {
  const attack = (status: number) =>
    executed('attacker', {
      request: request({ identity: 'bob' }),
      mutation: { location: 'header', target: 'identity', constraint: 'lower_privilege', description: 'privileged because its path has an "admin" segment' },
    }, { status });
  it.each([
    [200, 1],
    [201, 1],
    [403, 0],
    [401, 0],
    [404, 0],
  ])('the lower role gets %s → %s finding(s)', (status, expected) => {
    const findings = judgeScenario(bfla, [executed('setup-1', {}, { status: 201 }), attack(status)], { kind: 'bfla' });
    expect(findings).toHaveLength(expected);
    if (expected) expect(findings[0]!.cause).toBe('identity:bob');
  });
});
