// One finding of a run, by its id.
import type { Kysely } from 'kysely';
import type { FindingRow, Schema } from './schema.js';

export async function getRunFinding(db: Kysely<Schema>, runId: string, findingId: string): Promise<FindingRow | undefined> {
  const row = await db
    .selectFrom('findings')
    .select(['id', 'run_id', 'check', 'severity', 'operation', 'title', 'message', 'cause', 'fingerprint', 'request', 'response', 'curl', 'evidence', 'payload', 'occurrences', 'case_ids', 'correlation_id', 'steps', 'triage', 'created_at'])
    .where('run_id', '=', runId)
    .where('id', '=', findingId)
    .executeTakeFirst();
  return row as FindingRow | undefined;
}
