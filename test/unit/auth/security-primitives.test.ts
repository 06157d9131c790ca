// Outbound policy, sealed secrets, login throttling and access tokens.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signAccessToken, verifyAccessToken } from '../../../src/auth/access-tokens.js';
import { createLoginThrottle } from '../../../src/auth/login-throttle.js';
import { createSecretBox } from '../../../src/auth/secret-box.js';
import { createOutboundPolicy, isUnresolvable, policyConfigFromEnv } from '../../../src/execution/outbound-policy.js';

const DNS: Record<string, string[]> = {
  'api.example.test': ['203.0.113.10'],
  'sneaky.example.test': ['203.0.113.11', '169.254.169.254'],
  'mapped.example.test': ['::ffff:169.254.169.254'],
  localhost: ['127.0.0.1'],
};
const resolve = async (host: string) => {
  const addresses = DNS[host];
  if (addresses === undefined) throw new Error('ENOTFOUND');
  return addresses;
};

describe('outbound policy', () => {
  const policy = createOutboundPolicy({ deny: ['10.0.0.0/8', '*.internal.test'] }, resolve);
  it.each([
    ['http://127.0.0.1:8080/openapi.json', undefined],
    ['http://localhost:3000', undefined],
    ['https://api.example.test/spec.yaml', undefined],
    ['http://169.254.169.254/latest/meta-data/', /denied/],
    ['http://[fe80::1]/', /denied/],
    ['http://metadata.google.internal/computeMetadata/v1/', /denied/],
    ['http://sneaky.example.test/', /169\.254\.169\.254.*denied/],
    ['http://mapped.example.test/', /denied/],
    ['http://10.1.2.3/', /denied/],
    ['http://db.internal.test/', /denied/],
    ['ftp://api.example.test/', /only http and https/],
    ['not a url', /not a URL/],
  ])('%s', async (url, expected) => {
    const reason = await policy.check(url);
    if (expected === undefined) expect(reason).toBeUndefined();
    else expect(reason).toMatch(expected);
  });

  it('an allow list admits only what it names; an unknown host is unresolvable, not denied', async () => {
    const allowOnly = createOutboundPolicy(policyConfigFromEnv({ SENTINEL_OUTBOUND_ALLOW: 'api.example.test, 127.0.0.0/8' }), resolve);
    expect(await allowOnly.check('https://api.example.test/')).toBeUndefined();
    expect(await allowOnly.check('http://127.0.0.1:9/')).toBeUndefined();
    expect(await allowOnly.check('http://sneaky.example.test/')).toMatch(/denied/);
    expect(await allowOnly.check('http://203.0.113.99/')).toMatch(/allow list/);
    const reason = await allowOnly.check('http://nowhere.example.test/');
    expect(isUnresolvable(reason!)).toBe(true);
  });

  it('SENTINEL_OUTBOUND_DENY adds to the defaults', async () => {
    const strict = createOutboundPolicy(policyConfigFromEnv({ SENTINEL_OUTBOUND_DENY: '127.0.0.0/8' }), resolve);
    expect(await strict.check('http://localhost:3000')).toMatch(/denied/);
  });
});

describe('secret box (AES-256-GCM)', () => {
  const box = createSecretBox(randomBytes(32));
  it('opens what it sealed, never shows the plain text, refuses tampering and other keys', () => {
    const sealed = box.seal('Bearer s3cr3t-token');
    expect(sealed).not.toContain('s3cr3t');
    expect(box.open(sealed)).toBe('Bearer s3cr3t-token');
    expect(box.seal('same')).not.toBe(box.seal('same'));
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
    expect(() => createSecretBox(randomBytes(32)).open(sealed)).toThrow();
  });
});

describe('login throttle', () => {
  it('locks a username after repeated failures, even from other addresses, until the lockout ends', () => {
    let now = 0;
    const throttle = createLoginThrottle({ maxFailuresPerUser: 3, maxFailuresPerAddress: 100, windowMs: 60_000, lockoutMs: 300_000 }, () => now);
    for (let i = 0; i < 3; i++) throttle.failed('alice', `10.0.0.${i}`);
    expect(throttle.retryAfterMs('alice', '10.0.0.9')).toBe(300_000);
    expect(throttle.retryAfterMs('bob', '10.0.0.9')).toBe(0);
    now = 300_001;
    expect(throttle.retryAfterMs('alice', '10.0.0.9')).toBe(0);
  });

  it('locks an address that fails for many usernames', () => {
    const throttle = createLoginThrottle({ maxFailuresPerUser: 100, maxFailuresPerAddress: 3, windowMs: 60_000, lockoutMs: 1000 }, () => 0);
    for (const name of ['a', 'b', 'c']) throttle.failed(name, '10.9.9.9');
    expect(throttle.retryAfterMs('d', '10.9.9.9')).toBe(1000);
  });
});

describe('access tokens', () => {
  it('verify with the key that signed them, and only unexpired', async () => {
    const key = randomBytes(32);
    const token = await signAccessToken(key, { userId: 'u1', username: 'ann', role: 'tester' });
    expect(await verifyAccessToken(key, token)).toEqual({ userId: 'u1', username: 'ann', role: 'tester' });
    expect(await verifyAccessToken(randomBytes(32), token)).toBeUndefined();
    expect(await verifyAccessToken(key, await signAccessToken(key, { userId: 'u1', username: 'ann', role: 'tester' }, -10))).toBeUndefined();
  });
});
