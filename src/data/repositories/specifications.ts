// Specifications: each upload of a name is a new version of it (1, 2, 3...). Lists show the latest
// version of each name; a specification's detail lists every version of its name.
import { sql, type Kysely } from 'kysely';
import { isUniqueViolation } from '../errors.js';
import { containsPattern, pageWindow, toCount, type Page, type PageRequest } from '../pagination.js';
import type { Schema, SpecificationRow } from '../schema.js';

export interface NewSpecification {
  name: string;
  /** Where it came from: the URL, or the uploaded file's name. */
  source: string;
  rawDocument: string;
  normalizedDocument: unknown;
  lintScore?: number | null;
  lintFindings?: unknown[];
  operationCount: number;
  createdBy?: string | null;
}

export interface Specification {
  id: string;
  name: string;
  version: number;
  source: string;
  lintScore: number | null;
  operationCount: number;
  createdBy: string | null;
  createdAt: string;
}

export interface SpecificationListItem extends Specification {
  /** How many versions of this name exist. */
  versions: number;
}

export interface SpecificationVersion {
  id: string;
  version: number;
  createdAt: string;
}

export interface SpecificationDetail extends Specification {
  rawDocument: string;
  normalizedDocument: unknown;
  lintFindings: unknown[];
  versions: SpecificationVersion[];
}

/** Two uploads of one name at the same moment both get a version: the loser of the race retries. */
const VERSION_ATTEMPTS = 5;

const summaryColumns = ['id', 'name', 'version', 'source', 'lint_score', 'operation_count', 'created_by', 'created_at'] as const;

export function specificationsRepository(db: Kysely<Schema>) {
  return {
    /** Stores the document as version 1 of a new name, or as the next version of an existing one. */
    async create(input: NewSpecification): Promise<Specification> {
      for (let attempt = 1; ; attempt += 1) {
        try {
          const row = await db
            .insertInto('specifications')
            .values({
              name: input.name,
              version: sql<number>`(SELECT coalesce(max(version), 0) + 1 FROM specifications WHERE name = ${input.name})`,
              source: input.source,
              raw_document: input.rawDocument,
              normalized_document: JSON.stringify(input.normalizedDocument),
              lint_score: input.lintScore ?? null,
              lint_findings: JSON.stringify(input.lintFindings ?? []),
              operation_count: input.operationCount,
              created_by: input.createdBy ?? null,
            })
            .returning(summaryColumns)
            .executeTakeFirstOrThrow();
          return toSpecification(row);
        } catch (error) {
          if (!isUniqueViolation(error) || attempt >= VERSION_ATTEMPTS) throw error;
        }
      }
    },

    /** The latest version of each name, newest first; `q` matches the name or the source. */
    async list(request: PageRequest & { q?: string } = {}): Promise<Page<SpecificationListItem>> {
      const { page, limit, offset } = pageWindow(request);
      let latest = db
        .selectFrom('specifications')
        .select([...summaryColumns])
        .select(sql<string>`count(*) OVER (PARTITION BY name)`.as('versions'))
        .select(sql<number>`row_number() OVER (PARTITION BY name ORDER BY version DESC)`.as('rank'));
      if (request.q !== undefined && request.q !== '') {
        const pattern = containsPattern(request.q);
        latest = latest.where((eb) => eb.or([eb('name', 'ilike', pattern), eb('source', 'ilike', pattern)]));
      }
      const base = db.selectFrom(latest.as('latest')).where('rank', '=', 1);
      const [rows, count] = await Promise.all([
        base.selectAll().orderBy('created_at', 'desc').orderBy('name').limit(limit).offset(offset).execute(),
        base.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return {
        items: rows.map((row) => ({ ...toSpecification(row), versions: toCount(row.versions) })),
        total: toCount(count.total),
        page,
        limit,
      };
    },

    async get(id: string): Promise<SpecificationDetail | undefined> {
      const row = await db.selectFrom('specifications').selectAll().where('id', '=', id).executeTakeFirst();
      if (row === undefined) return undefined;
      const versions = await db
        .selectFrom('specifications')
        .select(['id', 'version', 'created_at'])
        .where('name', '=', row.name)
        .orderBy('version', 'desc')
        .execute();
      return {
        ...toSpecification(row),
        rawDocument: row.raw_document,
        normalizedDocument: row.normalized_document,
        lintFindings: row.lint_findings,
        versions: versions.map((v) => ({ id: v.id, version: v.version, createdAt: v.created_at })),
      };
    },

    /** The latest version of a name. */
    async getLatest(name: string): Promise<Specification | undefined> {
      const row = await db.selectFrom('specifications').select([...summaryColumns]).where('name', '=', name).orderBy('version', 'desc').limit(1).executeTakeFirst();
      return row && toSpecification(row);
    },

    /** Deletes this version; runs of it keep their history (their specification id becomes null). */
    async delete(id: string): Promise<boolean> {
      const result = await db.deleteFrom('specifications').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}

export type SpecificationsRepository = ReturnType<typeof specificationsRepository>;

function toSpecification(row: Pick<SpecificationRow, (typeof summaryColumns)[number]>): Specification {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    source: row.source,
    lintScore: row.lint_score,
    operationCount: row.operation_count,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}
