// The repositories, one per aggregate, all over the same Kysely.
import type { Kysely } from 'kysely';
import type { ResultPartitions } from '../partitions.js';
import type { Schema } from '../schema.js';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Repositories {}

export function createRepositories(_db: Kysely<Schema>, _partitions: ResultPartitions): Repositories {
  return {};
}
