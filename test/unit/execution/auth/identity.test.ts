import { describe, expect, it } from 'vitest';
import { apiKeyHeaderNames, applyAuth } from '../../../../src/execution/auth/apply.js';
import { buildIdentities, identityInfos, parseHeader, parseIdentityFlag } from '../../../../src/execution/auth/identity.js';
import type { PlannedRequest } from '../../../../src/core/test-case.js';
import type { ApiModel, Operation, SecurityRequirement } from '../../../../src/spec/model.js';

describe('parsing flags', () => {
  it.each([
    ['Authorization: Bearer abc', ['authorization', 'Bearer abc']],
    ['X-Tenant:acme', ['x-tenant', 'acme']],
    ['X-Empty:', ['x-empty', '']],
    ['Cookie: a=1; b=2', ['cookie', 'a=1; b=2']],
  ])('--header %j', (text, pair) => {
    expect(parseHeader(text)).toEqual(pair);
  });

  it.each(['no colon', ': value', 'Bad Name: v', ''])('rejects --header %j with one line', (text) => {
    expect(() => parseHeader(text)).toThrow(/--header .*expected 'Name: value'/);
  });

  it.each([
    ['alice:Authorization: Bearer a', { name: 'alice', header: ['authorization', 'Bearer a'] }],
    ['bob.2:X-Api-Key: k:with:colons', { name: 'bob.2', header: ['x-api-key', 'k:with:colons'] }],
  ])('--identity %j', (text, expected) => {
    expect(parseIdentityFlag(text)).toEqual(expected);
  });

  it.each(['Authorization: Bearer a', 'alice', ':X: y', 'al ice:X: y', 'alice:novalue'])('rejects --identity %j', (text) => {
    expect(() => parseIdentityFlag(text)).toThrow(/--identity/);
  });
});

describe('identities', () => {
  it('splits --header into credentials of the default identity and headers for every request', () => {
    const set = buildIdentities(
      {
        headers: [['authorization', 'Bearer d'], ['x-tenant', 'acme'], ['x-api-key', 'k'], ['x-session-token', 's']],
        credentials: {},
        identities: [
          { name: 'alice', role: 'admin', headers: [['authorization', 'Bearer a']] },
          { name: 'bob', headers: [['Authorization', 'Bearer b']] },
          { name: 'bob', headers: [['X-Extra', 'e']] },
        ],
      },
      new Set(),
    );
    expect(set.commonHeaders).toEqual({ 'x-tenant': 'acme' });
    expect(set.identities.map((i) => [i.name, i.role, i.headers])).toEqual([
      ['default', 'admin', { authorization: 'Bearer d', 'x-api-key': 'k', 'x-session-token': 's' }],
      ['alice', 'admin', { authorization: 'Bearer a' }],
      ['bob', 'user', { authorization: 'Bearer b', 'x-extra': 'e' }],
    ]);
    expect(identityInfos(set)).toEqual([
      { name: 'default', role: 'admin' },
      { name: 'alice', role: 'admin' },
      { name: 'bob', role: 'user' },
    ]);
  });
});

const model = {
  securitySchemes: {
    bearerAuth: { type: 'http', scheme: 'bearer' },
    basicAuth: { type: 'http', scheme: 'basic' },
    headerKey: { type: 'apiKey', in: 'header', name: 'X-Key' },
    queryKey: { type: 'apiKey', in: 'query', name: 'key' },
    cookieKey: { type: 'apiKey', in: 'cookie', name: 'sid' },
    oauth: { type: 'oauth2', flows: {} },
  },
  security: [{ bearerAuth: [] }],
} as unknown as ApiModel;

const op = (security?: SecurityRequirement[]) => ({ key: 'GET /x', parameters: [], ...(security ? { security } : {}) }) as unknown as Operation;
const req = (extra: Partial<PlannedRequest> = {}): PlannedRequest => ({ method: 'get', pathParams: {}, query: {}, headers: {}, cookies: {}, ...extra });

describe('applying credentials', () => {
  const set = buildIdentities(
    {
      headers: [['x-tenant', 'acme']],
      credentials: { bearer: 'T', basic: 'u:p', apiKey: 'K' },
      identities: [{ name: 'bob', headers: [['authorization', 'Bearer B']] }],
    },
    apiKeyHeaderNames(model),
  );

  it.each([
    ['global bearer requirement', undefined, { headers: { 'x-tenant': 'acme', authorization: 'Bearer T' }, query: {}, cookies: {} }],
    ['basic', [{ basicAuth: [] }], { headers: { 'x-tenant': 'acme', authorization: 'Basic dTpw' }, query: {}, cookies: {} }],
    ['apiKey in header', [{ headerKey: [] }], { headers: { 'x-tenant': 'acme', 'x-key': 'K' }, query: {}, cookies: {} }],
    ['apiKey in query', [{ queryKey: [] }], { headers: { 'x-tenant': 'acme' }, query: { key: 'K' }, cookies: {} }],
    ['apiKey in cookie', [{ cookieKey: [] }], { headers: { 'x-tenant': 'acme' }, query: {}, cookies: { sid: 'K' } }],
    ['oauth2 takes the bearer token', [{ oauth: ['read'] }], { headers: { 'x-tenant': 'acme', authorization: 'Bearer T' }, query: {}, cookies: {} }],
    ['both schemes of one requirement', [{ headerKey: [], queryKey: [] }], { headers: { 'x-tenant': 'acme', 'x-key': 'K' }, query: { key: 'K' }, cookies: {} }],
    ['explicitly public', [], { headers: { 'x-tenant': 'acme' }, query: {}, cookies: {} }],
    ['optional auth ({} alternative first)', [{}, { bearerAuth: [] }], { headers: { 'x-tenant': 'acme' }, query: {}, cookies: {} }],
  ])('default identity, %s', (_name, security, expected) => {
    expect(applyAuth(model, op(security as SecurityRequirement[] | undefined), req(), set)).toEqual(expected);
  });

  it('identity null sends no credentials, only the common headers', () => {
    expect(applyAuth(model, op(), req({ identity: null }), set)).toEqual({ headers: { 'x-tenant': 'acme' }, query: {}, cookies: {} });
  });

  it('authOverride replaces the identity credentials verbatim', () => {
    expect(applyAuth(model, op(), req({ authOverride: { Authorization: 'Bearer tampered' } }), set).headers).toEqual({ 'x-tenant': 'acme', authorization: 'Bearer tampered' });
  });

  it('another identity sends its own headers and not the default scheme credentials', () => {
    expect(applyAuth(model, op([{ headerKey: [] }]), req({ identity: 'bob' }), set).headers).toEqual({ 'x-tenant': 'acme', authorization: 'Bearer B' });
  });

  it('an unknown identity is an error, not a silent default', () => {
    expect(() => applyAuth(model, op(), req({ identity: 'mallory' }), set)).toThrow(/mallory/);
  });
});
