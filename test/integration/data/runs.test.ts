import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRunWriter, InvalidTransitionError, type Database, type NewRun } from '../../../src/data/index.js';
import type { RunEvent } from '../../../src/core/events.js';
import type { RunResult } from '../../../src/core/run-result.js';
import { DATA_TEST_TIMEOUT_MS, ENGINES, type Location } from './engines.js';
import { exchange, finding } from './fixtures.js';

// Creating a PGlite database runs initdb in WebAssembly: seconds when idle, minutes on a loaded machine.
vi.setConfig({ testTimeout: DATA_TEST_TIMEOUT_MS, hookTimeout: DATA_TEST_TIMEOUT_MS });

describe.each(ENGINES)('specifications, runs, results and findings on $name', (engine) => {
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

  const spec = (name: string, source = 'petstore.yaml') => ({
    name, source, rawDocument: 'openapi: 3.1.0', normalizedDocument: { operations: [{ key: 'GET /items' }] }, lintScore: 87.5, lintFindings: [{ rule: 'x' }], operationCount: 1,
  });
  const newRun = async (overrides: Partial<NewRun> = {}) => {
    const stored = await database.specifications.create(spec(`runs-${Math.random()}`));
    return database.runs.create({ specificationId: stored.id, specName: stored.name, specVersion: stored.version, baseUrl: 'http://127.0.0.1:9', ...overrides });
  };

  it('specifications: a name uploaded again is a new version; lists show the latest, search, paginate, delete', async () => {
    const v1 = await database.specifications.create(spec('Petstore'));
    const v2 = await database.specifications.create(spec('Petstore', 'https://example.test/petstore.json'));
    await database.specifications.create(spec('Billing API', 'billing.yaml'));
    expect([v1.version, v2.version]).toEqual([1, 2]);

    const detail = await database.specifications.get(v1.id);
    expect(detail).toMatchObject({ name: 'Petstore', version: 1, lintScore: 87.5, operationCount: 1, rawDocument: 'openapi: 3.1.0', lintFindings: [{ rule: 'x' }] });
    expect(detail?.normalizedDocument).toEqual({ operations: [{ key: 'GET /items' }] });
    expect(detail?.versions.map((v) => v.version)).toEqual([2, 1]);

    const found = await database.specifications.list({ q: 'pet' });
    expect(found.items.map((s) => [s.name, s.version, s.versions])).toEqual([['Petstore', 2, 2]]);
    expect((await database.specifications.list({ q: 'billing.yaml' })).total).toBe(1);
    expect((await database.specifications.list({ q: '%' })).total).toBe(0);
    const paged = await database.specifications.list({ q: 'p', page: 2, limit: 1 });
    expect(paged).toMatchObject({ page: 2, limit: 1, total: 2 });
    expect(paged.items).toHaveLength(1);

    const concurrent = await Promise.all([1, 2, 3].map(() => database.specifications.create(spec('Raced'))));
    expect(concurrent.map((s) => s.version).sort()).toEqual([1, 2, 3]);

    expect(await database.specifications.delete(v2.id)).toBe(true);
    expect((await database.specifications.getLatest('Petstore'))?.version).toBe(1);
    expect(await database.specifications.get(v2.id)).toBeUndefined();
  });

  it('runs: created queued; transitions stamp times; illegal ones are refused; credentials never in a run', async () => {
    const run = await newRun({ options: { seed: 7, agents: ['positive'] }, credentials: 'ciphertext' });
    expect(run).toMatchObject({ status: 'queued', startedAt: null, finishedAt: null, options: { seed: 7, agents: ['positive'] } });
    expect(run).not.toHaveProperty('credentials');
    expect(await database.runs.getCredentials(run.id)).toBe('ciphertext');

    await expect(database.runs.transition(run.id, 'completed')).rejects.toBeInstanceOf(InvalidTransitionError);
    const running = await database.runs.transition(run.id, 'running', { at: new Date('2026-02-01T10:00:00Z') });
    expect(running).toMatchObject({ status: 'running', startedAt: '2026-02-01T10:00:00.000Z' });
    const done = await database.runs.transition(run.id, 'completed', { at: new Date('2026-02-01T10:00:02.500Z'), summary: { findings: 0 } });
    expect(done).toMatchObject({ status: 'completed', finishedAt: '2026-02-01T10:00:02.500Z', summary: { findings: 0 } });
    await expect(database.runs.transition(run.id, 'cancelled')).rejects.toThrow('a run that is completed cannot become cancelled');
    await expect(database.runs.transition(run.id, 'queued')).rejects.toBeInstanceOf(InvalidTransitionError);
    expect(await database.runs.transition('00000000-0000-0000-0000-000000000000', 'running')).toBeUndefined();

    const stored = await database.runs.get(run.id);
    expect(stored?.overview).toMatchObject({ status: 'completed', durationMs: 2500, cases: 0, passRate: null });
  });

  it('the writer stores a run\'s events in batches; the read model counts them; findings list, filter and redact', async () => {
    const run = await newRun();
    await database.runs.transition(run.id, 'running');
    const writer = await createRunWriter(database, run.id, { batchSize: 7 });
    const events: RunEvent[] = [{ type: 'run.started', runId: run.id, startedAt: new Date().toISOString(), operations: 1, plannedCases: 4, plannedScenarios: 0 }];
    for (let i = 0; i < 4; i += 1) {
      const caseId = `case-${i}`;
      events.push({ type: 'exchange', exchange: exchange(caseId, i) });
      if (i === 3) events.push({ type: 'case.finished', caseId, operation: 'GET /items/{id}', agent: 'positive', requests: 1, transportError: 'ECONNRESET' });
      else events.push({ type: 'case.finished', caseId, operation: 'GET /items/{id}', agent: 'positive', requests: 1 });
    }
    events.push({ type: 'finding', finding: finding({ caseIds: ['case-1'] }) });
    events.push({ type: 'finding', finding: finding({ check: 'response_schema_conformance', severity: 'medium', cause: '/properties/id/type', title: 'Schema mismatch', caseIds: ['case-2'] }) });
    events.push({ type: 'finding', finding: finding({ caseIds: ['case-1'] }) });
    const result = { summary: { runId: run.id }, findings: [] } as unknown as RunResult;
    events.push({ type: 'run.finished', result });
    for (const event of events) writer.handle(event);
    await writer.close();
    expect(writer.lastSeq).toBe(events.length);

    const live = await database.runs.get(run.id);
    expect(live?.overview).toMatchObject({ cases: 4, casesErrored: 1, requests: 4, findings: 2, findingsBySeverity: { high: 1, medium: 1, critical: 0 } });
    await database.runs.transition(run.id, 'completed');
    const overview = (await database.runs.get(run.id))?.overview;
    expect(overview).toMatchObject({ cases: 4, casesPassed: 1, casesFailed: 2, casesErrored: 1, requests: 4, findings: 2, passRate: 0.25 });

    const results = await database.results.listResults(run.id, { limit: 10 });
    expect(results.total).toBe(4);
    const stored = JSON.stringify(results.items);
    expect(stored).not.toContain('secret-token-123456');
    expect(stored).not.toContain('supersecretvalue');
    expect(results.items[0]).toMatchObject({ caseId: 'case-0', method: 'GET', statusCode: 200, startedAt: '2026-01-02T03:04:05.000Z' });

    const all = await database.findings.list(run.id);
    expect(all.items.map((f) => f.check)).toEqual(['not_a_server_error', 'response_schema_conformance']);
    expect(JSON.stringify(all.items)).not.toContain('secret-token-123456');
    expect(all.items[0]).toMatchObject({ severity: 'high', operation: 'GET /items/{id}', count: 2, triage: 'open', evidence: 'TypeError: cannot read properties of undefined' });
    expect(all.items[0]?.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect((await database.findings.list(run.id, { severity: 'medium' })).items.map((f) => f.check)).toEqual(['response_schema_conformance']);
    expect((await database.findings.list(run.id, { check: 'not_a_server_error', operation: 'GET /items/{id}' })).total).toBe(1);
    expect((await database.findings.list(run.id, { operation: 'POST /items' })).total).toBe(0);
    expect((await database.findings.forReport(run.id)).map((f) => f.caseIds)).toEqual([['case-1'], ['case-2']]);
    const triaged = await database.findings.setTriage(all.items[0]!.id, 'confirmed');
    expect(triaged?.triage).toBe('confirmed');

    const replay = await database.events.after(run.id, 3);
    expect(replay[0]?.seq).toBe(4);
    expect(replay.at(-1)).toMatchObject({ seq: events.length, type: 'run.finished', payload: { type: 'run.finished', summary: { runId: run.id } } });
    expect(JSON.stringify(await database.events.after(run.id))).not.toContain('secret-token-123456');
    expect(await database.events.lastSeq(run.id)).toBe(events.length);

    // A writer made again for the same run goes on numbering after what is stored.
    const again = await createRunWriter(database, run.id);
    expect(again.lastSeq).toBe(events.length);
    await again.close();
  });

  it('a batch the database refuses is stored not at all, reported at flush, and kept for the next write', async () => {
    const run = await newRun();
    const writer = await createRunWriter(database, run.id);
    writer.handle({ type: 'exchange', exchange: exchange('bad', 1) });
    writer.handle({ type: 'finding', finding: finding({ severity: 'catastrophic' as never }) });
    await expect(writer.flush()).rejects.toThrow(/^storing the events of run .*: .*severity/);
    expect(await database.events.after(run.id)).toEqual([]);
    expect((await database.results.listResults(run.id)).total).toBe(0);
    await expect(writer.close()).rejects.toThrow(/storing the events of run/);
  });

  it('the same defect has the same fingerprint in every run; similar findings are found across runs', async () => {
    const first = await newRun();
    const second = await newRun();
    const [a] = await database.findings.insert(first.id, [finding({ correlationId: 'one' })]);
    const [b, unrelated] = await database.findings.insert(second.id, [
      finding({ correlationId: 'two', count: 5, title: 'Server error 503 on GET /items/{id}' }),
      finding({ check: 'use_after_free', severity: 'low', operation: 'DELETE /users/{id}', cause: 'still there', title: 'Deleted user still readable', evidence: 'GET returned 200 after DELETE' }),
    ]);
    expect(a!.fingerprint).toBe(b!.fingerprint);
    expect(unrelated!.fingerprint).not.toBe(a!.fingerprint);
    expect(await database.findings.insert(second.id, [finding()])).toEqual([]);

    const similar = await database.findings.similar(a!.id, { limit: 5 });
    expect(similar[0]).toMatchObject({ id: b!.id, runId: second.id });
    expect(similar[0]!.distance).toBeLessThan(0.2);
    const far = similar.find((s) => s.id === unrelated!.id);
    expect(far!.distance).toBeGreaterThan(similar[0]!.distance + 0.3);
    expect(similar.every((s) => s.runId !== first.id)).toBe(true);
    expect((await database.findings.similarTo({ check: 'use_after_free', operation: 'DELETE /users/{id}', title: 'Deleted user still readable' }, { limit: 1 }))[0]?.id).toBe(unrelated!.id);
    const occurrences = (await database.findings.byFingerprint(a!.fingerprint, { limit: 200 })).items.map((f) => f.id);
    expect(occurrences).toEqual(expect.arrayContaining([a!.id, b!.id]));
    expect(occurrences).not.toContain(unrelated!.id);
  });

  it('lists runs from the read model with filters; cancels in-flight runs; deleting a run deletes what it stored', async () => {
    const owner = await database.users.create({ username: `owner-${Math.random()}`, passwordHash: 'h', role: 'tester' });
    const queued = await newRun({ createdBy: owner.id });
    const running = await newRun({ createdBy: owner.id });
    await database.runs.transition(running.id, 'running');
    const { response: _none, ...refused } = exchange('c', 2, { error: { code: 'ECONNREFUSED', message: 'connection refused' } });
    await database.results.insertResults(running.id, [exchange('c', 1), refused]);
    const sent = await database.results.listResults(running.id);
    expect(sent.items.map((r) => [r.statusCode, r.errorCode, r.response === null, r.error])).toEqual([
      [200, null, false, null],
      [null, 'ECONNREFUSED', true, { code: 'ECONNREFUSED', message: 'connection refused' }],
    ]);
    await database.results.insertCases(running.id, [{ caseId: 'c', operation: 'GET /items/{id}', agent: 'positive', title: 'valid item', definition: { id: 'c' } }]);
    await database.results.insertExecutions(running.id, [{ caseId: 'c', requests: 2 }]);
    await database.events.append(running.id, [{ seq: 1, type: 'run.started', payload: {} }]);
    await database.findings.insert(running.id, [finding()]);

    const mine = await database.runs.list({ createdBy: owner.id });
    expect(mine.items.map((r) => r.id)).toEqual([running.id, queued.id]);
    expect(mine.items[0]).toMatchObject({ status: 'running', requests: 2, cases: 1, findings: 1 });
    expect((await database.runs.list({ createdBy: owner.id, status: 'queued' })).items.map((r) => r.id)).toEqual([queued.id]);
    expect((await database.runs.list({ createdBy: owner.id, limit: 1, page: 2 })).items.map((r) => r.id)).toEqual([queued.id]);

    const totals = await database.runs.totals({ createdBy: owner.id });
    expect(totals).toMatchObject({ runs: 2, byStatus: { queued: 1, running: 1, completed: 0 }, cases: 1, requests: 2, findings: 1, findingsBySeverity: { high: 1 } });
    expect(totals.averagePassRate).toBe(1);

    const cancelled = await database.runs.cancelInFlight({ ids: [queued.id, running.id] });
    expect(cancelled.sort()).toEqual([queued.id, running.id].sort());
    expect((await database.runs.get(running.id))).toMatchObject({ status: 'cancelled', error: 'the server stopped before the run finished' });
    expect((await database.runs.list({ createdBy: owner.id, status: ['queued', 'running'] })).total).toBe(0);

    expect(await database.runs.delete(running.id)).toBe(true);
    expect(await database.runs.get(running.id)).toBeUndefined();
    expect((await database.results.listResults(running.id)).total).toBe(0);
    expect((await database.findings.list(running.id)).total).toBe(0);
    expect(await database.events.after(running.id)).toEqual([]);
    expect(await database.results.countExecutions(running.id)).toBe(0);
  });

  it('deleting a specification keeps its runs\' history', async () => {
    const stored = await database.specifications.create(spec('Short-lived'));
    const run = await database.runs.create({ specificationId: stored.id, specName: stored.name, specVersion: stored.version, baseUrl: 'http://127.0.0.1:9' });
    await database.specifications.delete(stored.id);
    expect(await database.runs.get(run.id)).toMatchObject({ specificationId: null, specName: 'Short-lived', specVersion: 1 });
  });
  it('after close and reopen, everything stored is found again', async () => {
    const stored = await database.specifications.create(spec('Kept'));
    const run = await database.runs.create({ specificationId: stored.id, specName: stored.name, specVersion: stored.version, baseUrl: 'http://127.0.0.1:9' });
    await database.runs.transition(run.id, 'running');
    const writer = await createRunWriter(database, run.id);
    writer.handle({ type: 'exchange', exchange: exchange('k', 1) });
    writer.handle({ type: 'case.finished', caseId: 'k', operation: 'GET /items/{id}', agent: 'positive', requests: 1 });
    writer.handle({ type: 'finding', finding: finding({ caseIds: ['k'] }) });
    await writer.close();
    await database.runs.transition(run.id, 'completed');
    const before = await database.runs.get(run.id);
    await database.close();

    database = await location.open();
    expect(await database.isReady()).toBe(true);
    expect((await database.specifications.get(stored.id))?.name).toBe('Kept');
    expect(await database.runs.get(run.id)).toEqual(before);
    expect((await database.results.listResults(run.id)).total).toBe(1);
    expect((await database.findings.list(run.id)).items.map((f) => f.caseIds)).toEqual([['k']]);
    expect(await database.events.lastSeq(run.id)).toBe(3);
  });
});
