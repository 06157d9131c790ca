// The auth agent's plan: credential variants per security scheme, ignored_auth on every protected
// operation (after creating what it acts on), bola across identity pairs, bfla by shape, and notes.
import { beforeAll, describe, expect, it } from 'vitest';
import type { IdentityInfo } from '../../../../src/core/identity-info.js';
import { authAgent } from '../../../../src/agents/auth/agent.js';
import { bolaPairs } from '../../../../src/agents/auth/bola.js';
import { privilegeReason } from '../../../../src/agents/auth/privilege.js';
import { credentialVariants, requiresAuth } from '../../../../src/agents/auth/security.js';
import { roleOf } from '../../../../src/core/roles.js';
import type { ApiModel } from '../../../../src/spec/model.js';
import { modelFrom } from '../../execution/checks/security-fixtures.js';

const API = `
openapi: 3.0.3
info: { title: t, version: '1' }
security: [ { bearer: [] } ]
paths:
  /health: { get: { security: [], responses: { '200': { description: ok } } } }
  /optional: { get: { security: [ {}, { bearer: [] } ], responses: { '200': { description: ok } } } }
  /keyed: { get: { security: [ { key: [] } ], responses: { '200': { description: ok } } } }
  /basic: { get: { security: [ { basic: [] } ], responses: { '200': { description: ok } } } }
  /orders:
    get: { responses: { '200': { description: ok } } }
    post:
      requestBody: { content: { application/json: { schema: { type: object, required: [note], properties: { note: { type: string, maxLength: 20 } } } } } }
      responses: { '201': { description: ok, content: { application/json: { schema: { type: object, properties: { id: { type: integer } } } } } } }
    delete: { responses: { '204': { description: all gone } } }
  /orders/{id}:
    parameters: [ { name: id, in: path, required: true, schema: { type: integer } } ]
    get: { responses: { '200': { description: ok } } }
    put:
      requestBody: { content: { application/json: { schema: { type: object, properties: { note: { type: string, maxLength: 20 } } } } } }
      responses: { '200': { description: ok } }
  /admin/stats: { get: { responses: { '200': { description: ok } } } }
  /accounts/{id}/role:
    patch:
      parameters: [ { name: id, in: path, required: true, schema: { type: integer } } ]
      requestBody: { content: { application/json: { schema: { type: object, properties: { role: { type: string, enum: [user, admin] } } } } } }
      responses: { '200': { description: ok } }
components:
  securitySchemes:
    bearer: { type: http, scheme: bearer, bearerFormat: JWT }
    basic: { type: http, scheme: basic }
    key: { type: apiKey, in: header, name: X-Api-Key }
`;

let model: ApiModel;
beforeAll(async () => {
  model = await modelFrom(API);
});
const op = (key: string) => model.operations.find((o) => o.key === key)!;
const admin: IdentityInfo = { name: 'default', role: 'admin' };
const bob: IdentityInfo = { name: 'bob', role: 'user' };
const plan = (identities: IdentityInfo[]) => authAgent.plan(model, model.operations, { seed: 3, maxExamples: 2, identities });

describe('which operations need credentials', () => {
  it.each([
    ['GET /orders', true],
    ['GET /health', false],
    ['GET /optional', false],
    ['GET /keyed', true],
  ])('%s → %s', (key, expected) => expect(requiresAuth(model, op(key))).toBe(expected));
});

describe('credential variants', () => {
  it.each([
    ['GET /orders', ['no_credentials', 'malformed_bearer', 'wrong_scheme', 'jwt_alg_none', 'jwt_bad_signature', 'jwt_expired']],
    ['GET /keyed', ['no_credentials', 'invalid_api_key']],
    ['GET /basic', ['no_credentials', 'wrong_basic_credentials', 'wrong_scheme']],
  ])('%s', (key, kinds) => {
    const variants = credentialVariants(model, op(key));
    expect(variants.map((v) => v.kind)).toEqual(kinds);
    expect(variants[0]!.identity).toBeNull();
  });
  it('an apiKey variant replaces the key header', () => {
    expect(credentialVariants(model, op('GET /keyed'))[1]!.authOverride).toEqual({ 'X-Api-Key': 'sentinel-invalid-key-0000' });
  });
});

describe('ignored_auth plan', () => {
  it('plain cases for collection operations, none for public ones', () => {
    const output = plan([admin]);
    const cases = output.cases.filter((c) => c.operation === 'GET /orders');
    expect(cases).toHaveLength(6);
    expect(cases.every((c) => c.checks?.[0] === 'ignored_auth' && c.mutation !== undefined)).toBe(true);
    expect(cases.find((c) => c.mutation!.constraint === 'no_credentials')!.request.identity).toBeNull();
    expect(cases.find((c) => c.mutation!.constraint === 'malformed_bearer')!.request.authOverride).toEqual({ Authorization: 'Bearer x' });
    expect(output.cases.some((c) => c.operation === 'GET /health' || c.operation === 'GET /optional')).toBe(false);
  });
  it('an item operation is preceded by creating the item', () => {
    const scenario = plan([admin]).scenarios.find((s) => s.id === 'auth:ignored_auth:GET /orders/{id}')!;
    expect(scenario.steps.map((s) => roleOf(s.case.id))).toEqual(['setup-1', 'no_credentials', 'malformed_bearer', 'wrong_scheme', 'jwt_alg_none', 'jwt_bad_signature', 'jwt_expired']);
    expect(scenario.steps[1]!.case.request.pathParams.id).toBe('{{order_id}}');
  });
});

describe('bola', () => {
  it.each([
    ['one identity', [admin], []],
    ['admin and a user', [admin, bob], ['default->bob']],
    ['two admins', [admin, { name: 'root', role: 'admin' }], []],
    ['admin and two users', [admin, bob, { name: 'carol', role: 'low' }], ['default->bob', 'carol->bob', 'default->carol', 'bob->carol']],
  ] as [string, IdentityInfo[], string[]][])('pairs with %s', (_name, identities, expected) => {
    expect(bolaPairs(identities).map((p) => `${p.owner.name}->${p.attacker.name}`)).toEqual(expected);
  });

  it('owner creates and reads, the attacker reads and changes', () => {
    const scenario = plan([admin, bob]).scenarios.find((s) => s.kind === 'bola')!;
    expect(scenario.steps.map((s) => `${roleOf(s.case.id)} ${s.case.request.identity}`)).toEqual([
      'create default',
      'owner-read default',
      'attacker-read bob',
      'attacker-update bob',
    ]);
    expect(scenario.steps[2]!.case.request.pathParams.id).toBe('{{order_id}}');
  });

  it('with one identity: a note, no scenario', () => {
    const output = plan([admin]);
    expect(output.scenarios.some((s) => s.kind === 'bola' || s.kind === 'bfla')).toBe(false);
    expect(output.notes.join('\n')).toMatch(/bola not tested: it needs a second identity/);
    expect(output.notes.join('\n')).toMatch(/bfla not tested on 3 privileged operation/);
  });
});

describe('bfla', () => {
  it.each([
    ['GET /admin/stats', 'its path has an "admin" segment'],
    ['DELETE /orders', 'it deletes a whole collection'],
    ['PATCH /accounts/{id}/role', 'its body sets "role"'],
    ['GET /orders', undefined],
    ['PUT /orders/{id}', undefined],
  ])('%s', (key, reason) => expect(privilegeReason(model, op(key))).toBe(reason));

  it('the lower-privileged identity calls each privileged operation, with role fields escalated', () => {
    const scenarios = plan([admin, bob]).scenarios.filter((s) => s.kind === 'bfla');
    expect(scenarios.map((s) => s.operation).sort()).toEqual(['DELETE /orders', 'GET /admin/stats', 'PATCH /accounts/{id}/role']);
    const role = scenarios.find((s) => s.operation === 'PATCH /accounts/{id}/role')!;
    const attack = role.steps.at(-1)!.case;
    expect(attack.request.identity).toBe('bob');
    expect(attack.request.body?.value).toEqual({ role: 'admin' });
  });
});

describe('bfla attackers', () => {
  it.each([
    ['default (user) and a low identity: the low one attacks', [{ name: 'default', role: 'user' }, { name: 'guest', role: 'low' }], ['guest']],
    ['default (admin) and two users', [admin, bob, { name: 'carol', role: 'user' }], ['bob', 'carol']],
    ['only admins', [admin, { name: 'root', role: 'admin' }], []],
  ] as [string, IdentityInfo[], string[]][])('%s', (_name, identities, expected) => {
    const attackers = plan(identities).scenarios.filter((s) => s.kind === 'bfla' && s.operation === 'GET /admin/stats');
    expect(attackers.map((s) => s.steps.at(-1)!.case.request.identity)).toEqual(expected);
  });
});
