// JWT tampering by hand: every variant decodes to what it claims, and none carries a valid signature.
import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import {
  base64UrlDecode,
  base64UrlEncode,
  decodeJwt,
  forgedJwt,
  tamperedTokens,
  withAlgNone,
  withChangedSignature,
  withExpiredExp,
} from '../../../../src/agents/auth/jwt.js';

function sign(payload: object, secret = 'shh'): string {
  const head = base64UrlEncode(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = base64UrlEncode(JSON.stringify(payload));
  return `${head}.${body}.${createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url')}`;
}

const real = sign({ sub: '42', role: 'user', exp: 4_102_444_800 });

describe('base64url', () => {
  it.each(['', 'a', '{"alg":"none"}', 'ünïcødé ✓', '>>>???'])('round-trips %j without padding or +/', (text) => {
    const encoded = base64UrlEncode(text);
    expect(encoded).not.toMatch(/[+/=]/);
    expect(base64UrlDecode(encoded)).toBe(text);
  });
});

describe('decodeJwt', () => {
  it('takes a real token apart', () => {
    expect(decodeJwt(real)).toMatchObject({ header: { alg: 'HS256' }, payload: { sub: '42', role: 'user' } });
  });
  it.each(['opaque-token', 'a.b.c', 'x.y', `${base64UrlEncode('{"typ":"JWT"}')}.${base64UrlEncode('{}')}.s`, `${base64UrlEncode('[1]')}.${base64UrlEncode('{}')}.s`])(
    'refuses %s',
    (token) => expect(decodeJwt(token)).toBeUndefined(),
  );
});

describe('tampering', () => {
  const jwt = decodeJwt(real)!;
  it('alg none: same claims, alg "none", empty signature', () => {
    const token = withAlgNone(jwt);
    expect(token.endsWith('.')).toBe(true);
    expect(decodeJwt(token)).toEqual({ header: { alg: 'none', typ: 'JWT' }, payload: jwt.payload, signature: '' });
  });
  it('changed signature: same header and claims, a different signature', () => {
    const token = withChangedSignature(jwt);
    const decoded = decodeJwt(token)!;
    expect(decoded.payload).toEqual(jwt.payload);
    expect(decoded.signature).not.toBe(jwt.signature);
    expect(decoded.signature).toHaveLength(jwt.signature.length);
    expect(token.split('.').slice(0, 2)).toEqual(real.split('.').slice(0, 2));
  });
  it('expired: exp in the past, the rest kept', () => {
    const decoded = decodeJwt(withExpiredExp(jwt))!;
    expect(decoded.payload).toMatchObject({ sub: '42', role: 'user' });
    expect(decoded.payload.exp as number).toBeLessThan(Date.now() / 1000);
  });
  it('tamperedTokens uses the real token when it is a JWT, a forged one otherwise', () => {
    const fromReal = tamperedTokens(real);
    expect(fromReal.map((t) => t.kind)).toEqual(['jwt_alg_none', 'jwt_bad_signature', 'jwt_expired']);
    expect(fromReal.every((t) => decodeJwt(t.token)?.payload.sub === '42')).toBe(true);
    const forged = tamperedTokens('opaque');
    expect(forged.every((t) => decodeJwt(t.token)?.payload.sub === forgedJwt().payload.sub)).toBe(true);
    expect(forged[0]!.description).toContain('forged');
  });
  it('no tampered token verifies with the original key', () => {
    for (const { token } of tamperedTokens(real)) {
      const [head, body, signature] = token.split('.');
      expect(createHmac('sha256', 'shh').update(`${head}.${body}`).digest('base64url')).not.toBe(signature);
    }
  });
});
