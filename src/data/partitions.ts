// test_results is partitioned by month on created_at. Partitions are created ahead (at start, for the
// current month and the next ones) and on demand before a write lands in a month not yet seen.
import { type Kysely, sql } from 'kysely';

export const DEFAULT_MONTHS_AHEAD = 3;

export interface MonthRange {
  name: string;
  from: string;
  to: string;
}

/** The partition holding `at` (UTC month), and the `ahead` months after it. */
export function monthRanges(at: Date, ahead: number): MonthRange[] {
  const ranges: MonthRange[] = [];
  for (let offset = 0; offset <= ahead; offset += 1) {
    const start = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + offset, 1));
    const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    const month = String(start.getUTCMonth() + 1).padStart(2, '0');
    ranges.push({ name: `test_results_${start.getUTCFullYear()}_${month}`, from: start.toISOString(), to: end.toISOString() });
  }
  return ranges;
}

export class ResultPartitions {
  private readonly known = new Set<string>();

  constructor(private readonly db: Kysely<any>, private readonly monthsAhead = DEFAULT_MONTHS_AHEAD) {}

  /** Makes sure the partition of `at` and the next months exist. */
  async ensure(at: Date = new Date()): Promise<void> {
    for (const range of monthRanges(at, this.monthsAhead)) {
      if (this.known.has(range.name)) continue;
      await createPartition(this.db, range);
      this.known.add(range.name);
    }
  }

  /** Makes sure every month of these timestamps has its partition (one check per month). */
  async ensureFor(timestamps: Iterable<Date>): Promise<void> {
    const months = new Map<string, Date>();
    for (const at of timestamps) months.set(`${at.getUTCFullYear()}-${at.getUTCMonth()}`, at);
    for (const at of months.values()) {
      const [range] = monthRanges(at, 0);
      if (range === undefined || this.known.has(range.name)) continue;
      await createPartition(this.db, range);
      this.known.add(range.name);
    }
  }
}

async function createPartition(db: Kysely<any>, range: MonthRange): Promise<void> {
  try {
    await sql
      .raw(`CREATE TABLE IF NOT EXISTS ${range.name} PARTITION OF test_results FOR VALUES FROM ('${range.from}') TO ('${range.to}')`)
      .execute(db);
  } catch (error) {
    // Another process created it between our check and our statement.
    if (!isAlreadyExists(error)) throw error;
  }
}

function isAlreadyExists(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '42P07' || code === '23505';
}

/** The partitions that exist now, by name. */
export async function listPartitions(db: Kysely<any>): Promise<string[]> {
  const result = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_inherits i
    JOIN pg_class c ON c.oid = i.inhrelid
    JOIN pg_class p ON p.oid = i.inhparent
    WHERE p.relname = 'test_results' ORDER BY c.relname`.execute(db);
  return result.rows.map((row) => row.name);
}
