import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DataConflictError, type Database } from '../../../src/data/index.js';
import { DATA_TEST_TIMEOUT_MS, ENGINES, type Location } from './engines.js';

// Creating a PGlite database runs initdb in WebAssembly: seconds when idle, minutes on a loaded machine.
vi.setConfig({ testTimeout: DATA_TEST_TIMEOUT_MS, hookTimeout: DATA_TEST_TIMEOUT_MS });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe.each(ENGINES)('users, tokens, API keys and audit events on $name', (engine) => {
  let location: Location;
  let database: Database;
  beforeAll(async () => {
    location = await engine.createLocation();
    database = await location.open();
  });
  afterAll(async () => {
    await database?.close();
    await location?.dispose();
  });

  it('users: create, find, list, update, refuse a duplicate name, delete', async () => {
    const alice = await database.users.create({ username: 'alice', passwordHash: 'hash-a', role: 'tester', mustChangePassword: true });
    expect(alice).toMatchObject({ username: 'alice', role: 'tester', mustChangePassword: true, disabled: false, lastLoginAt: null });
    expect(alice.id).toMatch(UUID);
    expect(alice.createdAt).toMatch(ISO);
    expect(alice).not.toHaveProperty('passwordHash');
    await expect(database.users.create({ username: 'alice', passwordHash: 'x', role: 'viewer' })).rejects.toBeInstanceOf(DataConflictError);

    const bob = await database.users.create({ username: 'bob', passwordHash: 'hash-b', role: 'viewer' });
    expect((await database.users.findByUsername('alice'))?.passwordHash).toBe('hash-a');
    const changed = await database.users.update(alice.id, { role: 'manager', disabled: true, mustChangePassword: false });
    expect(changed).toMatchObject({ role: 'manager', disabled: true, mustChangePassword: false });
    await database.users.recordLogin(bob.id, new Date('2026-03-04T05:06:07Z'));
    expect((await database.users.get(bob.id))?.lastLoginAt).toBe('2026-03-04T05:06:07.000Z');

    const page = await database.users.list({ page: 1, limit: 1 });
    expect(page).toMatchObject({ total: 2, page: 1, limit: 1 });
    expect(page.items.map((u) => u.username)).toEqual(['alice']);
    expect((await database.users.list({ role: 'viewer' })).items.map((u) => u.username)).toEqual(['bob']);
    expect((await database.users.list({ q: 'BO' })).items.map((u) => u.username)).toEqual(['bob']);

    expect(await database.users.delete(bob.id)).toBe(true);
    expect(await database.users.delete(bob.id)).toBe(false);
    expect(await database.users.get(bob.id)).toBeUndefined();
  });

  it('refresh tokens: rotate within a family; reusing a rotated one revokes the family', async () => {
    const user = await database.users.create({ username: 'carol', passwordHash: 'h', role: 'viewer' });
    const expiresAt = new Date(Date.now() + 60_000);
    const first = await database.refreshTokens.store({ tokenHash: 'hash-1', userId: user.id, expiresAt });
    const rotated = await database.refreshTokens.rotate('hash-1', { tokenHash: 'hash-2', expiresAt });
    expect(rotated.status).toBe('rotated');
    if (rotated.status !== 'rotated') return;
    expect(rotated.token.familyId).toBe(first.familyId);
    expect(rotated.previous.replacedBy).toBe(rotated.token.id);

    const reused = await database.refreshTokens.rotate('hash-1', { tokenHash: 'hash-3', expiresAt });
    expect(reused).toEqual({ status: 'reused', familyId: first.familyId, userId: user.id });
    expect((await database.refreshTokens.findByHash('hash-2'))?.revokedAt).not.toBeNull();
    expect(await database.refreshTokens.findByHash('hash-3')).toBeUndefined();
    expect((await database.refreshTokens.rotate('hash-2', { tokenHash: 'hash-4', expiresAt })).status).toBe('reused');
    expect((await database.refreshTokens.rotate('nope', { tokenHash: 'hash-5', expiresAt })).status).toBe('unknown');

    await database.refreshTokens.store({ tokenHash: 'old', userId: user.id, expiresAt: new Date(Date.now() - 1_000) });
    expect((await database.refreshTokens.rotate('old', { tokenHash: 'hash-6', expiresAt })).status).toBe('expired');
    expect(await database.refreshTokens.deleteExpired()).toBe(1);

    await database.refreshTokens.store({ tokenHash: 'live', userId: user.id, expiresAt });
    expect(await database.refreshTokens.revokeByHash('live')).toBe(true);
    expect((await database.refreshTokens.findByHash('live'))?.revokedAt).toMatch(ISO);
    expect(await database.refreshTokens.revokeByHash('missing')).toBe(false);
  });

  it('API keys: stored hashed, found only while active, revocable, listed', async () => {
    const owner = await database.users.create({ username: 'dave', passwordHash: 'h', role: 'manager' });
    const key = await database.apiKeys.create({ name: 'ci', prefix: 'snt_ab12', keyHash: 'key-hash-1', role: 'tester', createdBy: owner.id });
    expect(key).toMatchObject({ name: 'ci', prefix: 'snt_ab12', role: 'tester', createdBy: owner.id, revokedAt: null, expiresAt: null });
    expect(key).not.toHaveProperty('keyHash');
    expect((await database.apiKeys.findActiveByHash('key-hash-1'))?.id).toBe(key.id);
    await database.apiKeys.touch(key.id, new Date('2026-05-01T00:00:00Z'));
    expect((await database.apiKeys.get(key.id))?.lastUsedAt).toBe('2026-05-01T00:00:00.000Z');

    const expired = await database.apiKeys.create({ name: 'old', prefix: 'snt_cd34', keyHash: 'key-hash-2', role: 'viewer', createdBy: owner.id, expiresAt: new Date(Date.now() - 1) });
    expect(await database.apiKeys.findActiveByHash('key-hash-2')).toBeUndefined();
    expect((await database.apiKeys.list({ createdBy: owner.id })).total).toBe(2);

    const revoked = await database.apiKeys.revoke(key.id);
    expect(revoked?.revokedAt).toMatch(ISO);
    expect(await database.apiKeys.findActiveByHash('key-hash-1')).toBeUndefined();
    expect((await database.apiKeys.list({ createdBy: owner.id })).items.map((k) => k.id)).toEqual([expired.id]);
    expect((await database.apiKeys.list({ createdBy: owner.id, includeRevoked: true })).total).toBe(2);
    await expect(database.apiKeys.create({ name: 'dup', prefix: 'x', keyHash: 'key-hash-2', role: 'viewer', createdBy: null })).rejects.toBeInstanceOf(DataConflictError);
  });

  it('audit events: recorded with who, what, where; listed newest first with filters', async () => {
    await database.auditEvents.record({ action: 'auth.login', actor: 'erin', actorId: null, address: '127.0.0.1', correlationId: 'c-1', at: new Date('2026-01-01T00:00:00Z') });
    const second = await database.auditEvents.record({
      action: 'specification.create', actor: 'erin', targetType: 'specification', targetId: 'spec-1', details: { name: 'petstore' }, at: new Date('2026-01-02T00:00:00Z'),
    });
    expect(second).toMatchObject({ action: 'specification.create', targetType: 'specification', targetId: 'spec-1', details: { name: 'petstore' }, at: '2026-01-02T00:00:00.000Z' });
    const all = await database.auditEvents.list({ actor: 'erin' });
    expect(all.items.map((e) => e.action)).toEqual(['specification.create', 'auth.login']);
    expect((await database.auditEvents.list({ action: 'auth.login' })).items[0]).toMatchObject({ address: '127.0.0.1', correlationId: 'c-1' });
    expect((await database.auditEvents.list({ from: new Date('2026-01-01T12:00:00Z'), to: new Date('2026-01-03T00:00:00Z') })).total).toBe(1);
    expect((await database.auditEvents.list({ correlationId: 'c-1' })).total).toBe(1);
  });
});
