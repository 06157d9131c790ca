// The specification library: descriptions uploaded or fetched, each name a series of versions, each
// version stored with its raw text, a normalized outline, its lint findings and readiness score.
import type { Kysely } from 'kysely';
import { recordAudit, type RequestContext } from '../../auth/audit-log.js';
import type { Schema, SpecificationRow } from '../../data/schema.js';
import type { OutboundPolicy } from '../../execution/outbound-policy.js';
import { lintModel } from '../../spec/lint/index.js';
import type { ApiModel } from '../../spec/model.js';
import { notFound } from '../../core/service-error.js';
import { fetchDescription, loadDescriptionText } from './uploaded-description.js';

export interface SpecificationView {
  id: string;
  name: string;
  version: number;
  source: string;
  title: string;
  lintScore: number | null;
  operationCount: number;
  createdBy: string | null;
  createdAt: string;
}

export interface OperationOutline {
  key: string;
  method: string;
  path: string;
  operationId?: string;
  summary?: string;
  tags: string[];
}

export interface SpecInput {
  name?: string;
  url?: string;
  content?: string;
  /** A multipart file's name, used as the source. */
  fileName?: string;
}

export interface SpecLibraryDeps {
  db: Kysely<Schema>;
  policy: OutboundPolicy;
  fetchTimeoutMs: number;
}

export function specificationView(row: Pick<SpecificationRow, 'id' | 'name' | 'version' | 'source' | 'lint_score' | 'operation_count' | 'created_by' | 'created_at' | 'normalized_document'>): SpecificationView {
  const outline = row.normalized_document as { title?: string } | null;
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    source: row.source,
    title: outline?.title ?? row.name,
    lintScore: row.lint_score,
    operationCount: row.operation_count,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

function outlineOf(model: ApiModel) {
  return {
    title: model.info.title,
    apiVersion: model.info.version,
    dialect: model.dialect,
    specVersion: model.specVersion,
    servers: model.servers.map((server) => server.url),
    operations: model.operations.map(
      (operation): OperationOutline => ({
        key: operation.key,
        method: operation.method.toUpperCase(),
        path: operation.path,
        ...(operation.operationId !== undefined ? { operationId: operation.operationId } : {}),
        ...(operation.summary !== undefined ? { summary: operation.summary } : {}),
        tags: operation.tags,
      }),
    ),
  };
}

export async function addSpecification(deps: SpecLibraryDeps, context: RequestContext, input: SpecInput): Promise<SpecificationView> {
  const { db } = deps;
  const fromUrl = input.url !== undefined;
  const text = fromUrl ? await fetchDescription(input.url!, deps.policy, deps.fetchTimeoutMs) : input.content!;
  const source = fromUrl ? input.url! : (input.fileName ?? 'upload');
  const path = fromUrl ? 'body/url' : input.fileName !== undefined ? 'body/file' : 'body/content';
  // Everything is checked before anything is written: a bad description leaves no row behind.
  const model = await loadDescriptionText(text, input.name ?? source, path, deps.policy);
  const lint = lintModel(model);
  const name = (input.name ?? model.info.title).trim() || 'untitled';
  const row = await db.transaction().execute(async (trx) => {
    const latest = await trx.selectFrom('specifications').select((eb) => eb.fn.max('version').as('version')).where('name', '=', name).executeTakeFirst();
    return trx
      .insertInto('specifications')
      .values({
        name,
        version: Number(latest?.version ?? 0) + 1,
        source,
        raw_document: text,
        normalized_document: JSON.stringify(outlineOf(model)),
        lint_score: lint.score,
        lint_findings: JSON.stringify(lint.findings),
        operation_count: model.operations.length,
        created_by: context.principal?.userId ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  });
  await recordAudit(db, context, { action: 'specification.create', targetType: 'specification', targetId: row.id, details: { name, version: row.version, source } });
  return specificationView(row);
}

const LIST_COLUMNS = ['id', 'name', 'version', 'source', 'lint_score', 'operation_count', 'created_by', 'created_at', 'normalized_document'] as const;

export async function listSpecifications(db: Kysely<Schema>, page: number, limit: number, q?: string): Promise<{ items: SpecificationView[]; total: number }> {
  let query = db.selectFrom('specifications');
  if (q !== undefined && q !== '') query = query.where('name', 'ilike', `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const { total } = await query.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow();
  const rows = await query.select([...LIST_COLUMNS]).orderBy('created_at', 'desc').orderBy('id').limit(limit).offset((page - 1) * limit).execute();
  return { items: rows.map(specificationView), total: Number(total) };
}

export async function getSpecification(db: Kysely<Schema>, id: string) {
  const row = await db.selectFrom('specifications').select([...LIST_COLUMNS]).where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFound('specification');
  const versions = await db.selectFrom('specifications').select(['id', 'version', 'created_at']).where('name', '=', row.name).orderBy('version').execute();
  const outline = row.normalized_document as { operations?: OperationOutline[]; dialect?: string; specVersion?: string; apiVersion?: string; servers?: string[] };
  return {
    ...specificationView(row),
    dialect: outline.dialect ?? '',
    specVersion: outline.specVersion ?? '',
    apiVersion: outline.apiVersion ?? '',
    servers: outline.servers ?? [],
    operations: outline.operations ?? [],
    versions: versions.map((version) => ({ id: version.id, version: version.version, createdAt: version.created_at })),
  };
}

export async function getLint(db: Kysely<Schema>, id: string) {
  const row = await db.selectFrom('specifications').select(['id', 'lint_score', 'lint_findings']).where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFound('specification');
  return { specificationId: row.id, score: row.lint_score ?? 0, findings: row.lint_findings };
}

/** The stored text and name of a version, for a run. */
export async function specificationSource(db: Kysely<Schema>, id: string) {
  return db.selectFrom('specifications').select(['id', 'name', 'version', 'raw_document', 'source']).where('id', '=', id).executeTakeFirst();
}

export async function deleteSpecification(db: Kysely<Schema>, context: RequestContext, id: string): Promise<void> {
  const row = await db.selectFrom('specifications').select(['id', 'name', 'version']).where('id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFound('specification');
  await db.deleteFrom('specifications').where('id', '=', id).execute();
  await recordAudit(db, context, { action: 'specification.delete', targetType: 'specification', targetId: id, details: { name: row.name, version: row.version } });
}
