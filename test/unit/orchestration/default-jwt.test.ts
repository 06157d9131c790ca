import { describe, expect, it } from 'vitest';
import { buildIdentities } from '../../../src/execution/auth/identity.js';
import { defaultJwt } from '../../../src/orchestration/run-tests.js';

const jwt = `${Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url')}.${Buffer.from('{"sub":"1"}').toString('base64url')}.c2ln`;

describe('the default JWT handed to the auth agent', () => {
  it.each([
    ['--bearer with a JWT', { credentials: { bearer: jwt }, headers: [] as [string, string][] }, jwt],
    ['--header Authorization: Bearer JWT', { credentials: {}, headers: [['authorization', `Bearer ${jwt}`]] as [string, string][] }, jwt],
    ['an opaque token', { credentials: { bearer: 'opaque-token' }, headers: [] as [string, string][] }, undefined],
    ['three parts that are not a JWT header', { credentials: { bearer: 'a.b.c' }, headers: [] as [string, string][] }, undefined],
    ['basic credentials only', { credentials: { basic: 'u:p' }, headers: [] as [string, string][] }, undefined],
    ['nothing', { credentials: {}, headers: [] as [string, string][] }, undefined],
  ])('%s', (_name, input, expected) => {
    expect(defaultJwt(buildIdentities({ ...input, identities: [] }, new Set()))).toBe(expected);
  });
});
