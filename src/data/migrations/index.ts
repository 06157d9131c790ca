// Every migration, in version order. A new one is a new file `NNN_name.ts` added here; applied ones never change.
import { initial } from './001_initial.js';
import type { Migration } from './migration.js';

export type { Migration, MigrationContext } from './migration.js';
export { EMBEDDING_DIMENSIONS } from './001_initial.js';

export const MIGRATIONS: readonly Migration[] = [initial];
