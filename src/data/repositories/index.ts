// The repositories, one per aggregate, all over the same Kysely.
import type { Kysely } from 'kysely';
import type { ResultPartitions } from '../partitions.js';
import type { Schema } from '../schema.js';
import { apiKeysRepository, type ApiKeysRepository } from './api-keys.js';
import { auditEventsRepository, type AuditEventsRepository } from './audit-events.js';
import { findingsRepository, type FindingsRepository } from './findings.js';
import { refreshTokensRepository, type RefreshTokensRepository } from './refresh-tokens.js';
import { resultsRepository, type ResultsRepository } from './results.js';
import { runEventsRepository, type RunEventsRepository } from './run-events.js';
import { runsRepository, type RunsRepository } from './runs.js';
import { specificationsRepository, type SpecificationsRepository } from './specifications.js';
import { usersRepository, type UsersRepository } from './users.js';

export interface Repositories {
  specifications: SpecificationsRepository;
  runs: RunsRepository;
  results: ResultsRepository;
  findings: FindingsRepository;
  events: RunEventsRepository;
  users: UsersRepository;
  refreshTokens: RefreshTokensRepository;
  apiKeys: ApiKeysRepository;
  auditEvents: AuditEventsRepository;
}

export function createRepositories(db: Kysely<Schema>, partitions: ResultPartitions): Repositories {
  return {
    specifications: specificationsRepository(db),
    runs: runsRepository(db),
    results: resultsRepository(db, partitions),
    findings: findingsRepository(db),
    events: runEventsRepository(db),
    users: usersRepository(db),
    refreshTokens: refreshTokensRepository(db),
    apiKeys: apiKeysRepository(db),
    auditEvents: auditEventsRepository(db),
  };
}
