// /api/v1/test-runs: start, list, read, cancel, delete; findings; the live event stream; reports.
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { allRunFindings, getRun, listRunFindings, listRunSummaries, type FindingFilter, type RunListFilter } from '../../data/platform-runs.js';
import type { FindingRow, Schema, TestRunSummaryRow } from '../../data/schema.js';
import { SEVERITIES, type Finding } from '../../core/finding.js';
import type { RunSummary } from '../../core/run-result.js';
import { AGENT_NAMES } from '../../orchestration/platform/run-executor.js';
import type { RunService, StartRunInput } from '../../orchestration/platform/run-service.js';
import { writers, REPORT_FORMATS, type ReportFormat } from '../../report/index.js';
import { notFound, ServiceError } from '../../core/service-error.js';
import { contextOf } from '../request-context.js';
import { ID_PARAMS, ISO_TIME, PAGE_QUERY_PROPERTIES, pageOf, type PageQuery } from '../types.js';

const STATUS = { type: 'string', enum: ['queued', 'running', 'completed', 'failed', 'cancelled'] } as const;
const NULLABLE_TIME = { type: ['string', 'null'], format: 'date-time' } as const;
const HEADER_MAP = {
  type: 'object',
  maxProperties: 50,
  propertyNames: { pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$" },
  additionalProperties: { type: 'string', maxLength: 8192 },
  description: 'header name → value; stored encrypted, never returned',
} as const;
const FILTERS = { type: 'array', maxItems: 50, items: { type: 'string', minLength: 3, maxLength: 300 } } as const;

const START_BODY = {
  type: 'object',
  required: ['specificationId', 'baseUrl'],
  additionalProperties: false,
  properties: {
    specificationId: { type: 'string', format: 'uuid' },
    baseUrl: { type: 'string', format: 'uri', pattern: '^https?://', maxLength: 2048 },
    agents: { type: 'array', uniqueItems: true, minItems: 1, items: { type: 'string', enum: AGENT_NAMES } },
    seed: { type: 'integer', minimum: 0, maximum: 2147483647 },
    maxExamples: { type: 'integer', minimum: 1, maximum: 1000 },
    concurrency: { type: 'integer', minimum: 1, maximum: 64 },
    timeoutMs: { type: 'integer', minimum: 100, maximum: 300000 },
    include: FILTERS,
    exclude: FILTERS,
    headers: HEADER_MAP,
    identities: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        required: ['name', 'role', 'headers'],
        additionalProperties: false,
        properties: { name: { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,64}$' }, role: { type: 'string', enum: ['admin', 'user', 'low'] }, headers: HEADER_MAP },
      },
    },
    failOn: { type: 'string', enum: [...SEVERITIES] },
  },
} as const;

const COUNTS = {
  type: 'object',
  properties: { critical: { type: 'integer' }, high: { type: 'integer' }, medium: { type: 'integer' }, low: { type: 'integer' }, info: { type: 'integer' } },
} as const;

const RUN = {
  type: 'object',
  required: ['id', 'specificationId', 'specName', 'specVersion', 'baseUrl', 'status', 'createdBy', 'createdAt', 'startedAt', 'finishedAt', 'requests', 'cases', 'findings', 'findingsBySeverity'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    specificationId: { type: ['string', 'null'], format: 'uuid' },
    specName: { type: 'string' },
    specVersion: { type: 'integer' },
    baseUrl: { type: 'string' },
    status: STATUS,
    createdBy: { type: ['string', 'null'], format: 'uuid' },
    createdAt: ISO_TIME,
    startedAt: NULLABLE_TIME,
    finishedAt: NULLABLE_TIME,
    durationMs: { type: ['number', 'null'] },
    requests: { type: 'integer' },
    cases: { type: 'integer' },
    findings: { type: 'integer' },
    findingsBySeverity: COUNTS,
  },
} as const;

const RUN_DETAIL = {
  type: 'object',
  required: [...RUN.required, 'options', 'error', 'summary'],
  properties: {
    ...RUN.properties,
    options: { type: 'object', additionalProperties: true, description: 'the run options; header values are never returned, only their names' },
    error: { type: ['string', 'null'] },
    summary: { type: ['object', 'null'], additionalProperties: true },
  },
} as const;

const EXCHANGE_REQUEST = { type: 'object', additionalProperties: true, properties: { method: { type: 'string' }, url: { type: 'string' }, headers: { type: 'object', additionalProperties: true }, body: { type: 'string' } } } as const;

const FINDING = {
  type: 'object',
  required: ['id', 'fingerprint', 'check', 'severity', 'operation', 'title', 'message', 'request', 'curl', 'count'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    fingerprint: { type: 'string' },
    check: { type: 'string' },
    severity: { type: 'string', enum: [...SEVERITIES] },
    operation: { type: 'string' },
    title: { type: 'string' },
    message: { type: 'string' },
    request: EXCHANGE_REQUEST,
    response: { type: ['object', 'null'], additionalProperties: true },
    curl: { type: 'string' },
    count: { type: 'integer' },
    evidence: { type: 'string' },
    payload: { type: 'string' },
    steps: { type: 'array', items: { type: 'object', additionalProperties: true } },
    cause: { type: 'string' },
    correlationId: { type: ['string', 'null'] },
    triage: { type: 'string' },
    createdAt: ISO_TIME,
  },
} as const;

function runView(row: TestRunSummaryRow) {
  return {
    id: row.run_id,
    specificationId: row.specification_id,
    specName: row.spec_name,
    specVersion: row.spec_version,
    baseUrl: row.base_url,
    status: row.status,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    startedAt: row.started_at === null ? null : new Date(row.started_at).toISOString(),
    finishedAt: row.finished_at === null ? null : new Date(row.finished_at).toISOString(),
    durationMs: row.duration_ms,
    requests: row.requests,
    cases: row.cases,
    findings: row.findings,
    findingsBySeverity: { critical: row.findings_critical, high: row.findings_high, medium: row.findings_medium, low: row.findings_low, info: row.findings_info },
  };
}

/** A finding as in the JSON report, plus its id and fingerprint. */
function findingView(row: FindingRow) {
  return {
    id: row.id,
    fingerprint: row.fingerprint,
    check: row.check,
    severity: row.severity,
    operation: row.operation,
    title: row.title,
    message: row.message,
    request: row.request,
    response: row.response,
    curl: row.curl,
    count: row.occurrences,
    ...(row.evidence !== null ? { evidence: row.evidence } : {}),
    ...(row.payload !== null ? { payload: row.payload } : {}),
    ...(row.steps !== null ? { steps: row.steps } : {}),
    cause: row.cause,
    correlationId: row.correlation_id,
    triage: row.triage,
    createdAt: row.created_at,
  };
}

const REPORT_TYPES: Record<ReportFormat, string> = {
  json: 'application/json',
  junit: 'application/xml',
  sarif: 'application/sarif+json',
  markdown: 'text/markdown; charset=utf-8',
};

export function testRunRoutes(db: Kysely<Schema>, runs: RunService): FastifyPluginAsync {
  return async (app) => {
    app.post<{ Body: StartRunInput }>(
      '/test-runs',
      {
        config: { permission: 'test-runs:create' },
        schema: {
          operationId: 'startTestRun',
          summary: 'Start a run of a specification against a target',
          tags: ['test-runs'],
          body: START_BODY,
          response: {
            202: { type: 'object', required: ['id', 'status'], properties: { id: { type: 'string', format: 'uuid' }, status: { type: 'string', enum: ['queued'] } } },
            403: { description: 'the role lacks the permission, or the outbound policy denies the target', $ref: 'Problem#' },
            424: { description: 'the target host does not resolve', $ref: 'Problem#' },
            503: { description: 'shutting down', $ref: 'Problem#' },
          },
        },
      },
      async (request, reply) => {
        const started = await runs.start(contextOf(request), request.body);
        return reply.code(202).header('location', `/api/v1/test-runs/${started.id}`).send(started);
      },
    );

    app.get<{ Querystring: PageQuery & Omit<RunListFilter, 'page' | 'limit'> }>(
      '/test-runs',
      {
        config: { permission: 'test-runs:read' },
        schema: {
          operationId: 'listTestRuns',
          summary: 'List runs, newest first (read model)',
          tags: ['test-runs'],
          querystring: { type: 'object', additionalProperties: false, properties: { ...PAGE_QUERY_PROPERTIES, status: STATUS, specificationId: { type: 'string', format: 'uuid' } } },
          response: { 200: pageOf(RUN) },
        },
      },
      async (request) => {
        const { items, total } = await listRunSummaries(db, request.query);
        return { items: items.map(runView), total, page: request.query.page, limit: request.query.limit };
      },
    );

    app.get<{ Params: { id: string } }>(
      '/test-runs/:id',
      {
        config: { permission: 'test-runs:read' },
        schema: { operationId: 'getTestRun', summary: 'One run: status, options, summary', tags: ['test-runs'], params: ID_PARAMS, response: { 200: RUN_DETAIL } },
      },
      async (request) => {
        const run = await getRun(db, request.params.id);
        if (run === undefined || run.summaryRow === undefined) throw notFound('test run');
        return { ...runView(run.summaryRow), options: run.options, error: run.error, summary: run.summary };
      },
    );

    app.post<{ Params: { id: string } }>(
      '/test-runs/:id/cancel',
      {
        config: { permission: 'test-runs:cancel' },
        schema: {
          operationId: 'cancelTestRun',
          summary: 'Cancel a queued or running run (what ran is kept)',
          tags: ['test-runs'],
          params: ID_PARAMS,
          response: { 200: { type: 'object', required: ['id', 'status'], properties: { id: { type: 'string', format: 'uuid' }, status: STATUS } }, 409: { description: 'the run is already over', $ref: 'Problem#' } },
        },
      },
      async (request) => runs.cancel(contextOf(request), request.params.id),
    );

    app.delete<{ Params: { id: string } }>(
      '/test-runs/:id',
      {
        config: { permission: 'test-runs:delete' },
        schema: {
          operationId: 'deleteTestRun',
          summary: 'Delete a finished run with its findings and events',
          tags: ['test-runs'],
          params: ID_PARAMS,
          response: { 204: { description: 'deleted', type: 'null' }, 409: { description: 'the run is in progress', $ref: 'Problem#' } },
        },
      },
      async (request, reply) => {
        await runs.remove(contextOf(request), request.params.id);
        return reply.code(204).send();
      },
    );

    app.get<{ Params: { id: string }; Querystring: FindingFilter }>(
      '/test-runs/:id/findings',
      {
        config: { permission: 'findings:read' },
        schema: {
          operationId: 'listTestRunFindings',
          summary: "A run's findings, worst first",
          tags: ['test-runs'],
          params: ID_PARAMS,
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: { ...PAGE_QUERY_PROPERTIES, check: { type: 'string', maxLength: 100 }, severity: { type: 'string', enum: [...SEVERITIES] }, operation: { type: 'string', maxLength: 500, description: 'METHOD /path as in the specification' } },
          },
          response: { 200: pageOf(FINDING) },
        },
      },
      async (request) => {
        if ((await getRun(db, request.params.id)) === undefined) throw notFound('test run');
        const { items, total } = await listRunFindings(db, request.params.id, request.query);
        return { items: items.map(findingView), total, page: request.query.page, limit: request.query.limit };
      },
    );

    app.get<{ Params: { id: string }; Querystring: { format: ReportFormat } }>(
      '/test-runs/:id/report',
      {
        config: { permission: 'test-runs:read' },
        schema: {
          operationId: 'getTestRunReport',
          summary: 'The run as a report: JSON, JUnit XML, SARIF or Markdown (the CLI writers)',
          tags: ['test-runs'],
          params: ID_PARAMS,
          querystring: { type: 'object', additionalProperties: false, properties: { format: { type: 'string', enum: [...REPORT_FORMATS], default: 'json' } } },
          response: {
            200: {
              description: 'the report',
              content: Object.fromEntries(Object.values(REPORT_TYPES).map((type) => [type.split(';')[0], { schema: type.includes('json') ? { type: 'object' } : { type: 'string' } }])),
            },
            409: { description: 'the run has not finished', $ref: 'Problem#' },
          },
        },
      },
      async (request, reply) => {
        const run = await getRun(db, request.params.id);
        if (run === undefined) throw notFound('test run');
        if (run.summary === null) throw new ServiceError(409, `the run is ${run.status}: a report exists once it has finished`);
        const findings = (await allRunFindings(db, run.id)).map(
          (row): Finding => ({ ...(findingView(row) as unknown as Finding), caseIds: row.case_ids, correlationId: row.correlation_id ?? '' }),
        );
        const text = writers[request.query.format]({ summary: run.summary as unknown as RunSummary, findings });
        // Sent as text: the writers' output is the report, byte for byte.
        return reply.type(REPORT_TYPES[request.query.format]).serializer((payload: unknown) => payload as string).send(text);
      },
    );

    app.get<{ Params: { id: string } }>(
      '/test-runs/:id/events',
      {
        config: { permission: 'test-runs:read' },
        schema: {
          operationId: 'followTestRunEvents',
          summary: "The run's events as server-sent events, live; resumable with Last-Event-ID",
          tags: ['test-runs'],
          params: ID_PARAMS,
          response: { 200: { description: 'text/event-stream: id (sequence), event (type), data (JSON)', content: { 'text/event-stream': { schema: { type: 'string' } } } } },
        },
      },
      async (request, reply) => {
        if ((await getRun(db, request.params.id)) === undefined) throw notFound('test run');
        const lastEventId = Number(request.headers['last-event-id'] ?? 0);
        const after = Number.isSafeInteger(lastEventId) && lastEventId > 0 ? lastEventId : 0;
        reply.hijack();
        const raw = reply.raw;
        raw.writeHead(200, {
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          connection: 'keep-alive',
          'x-correlation-id': request.correlationId,
          'x-content-type-options': 'nosniff',
        });
        raw.write('retry: 2000\n\n');
        let ended = false;
        const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), 15_000);
        const end = () => {
          if (ended) return;
          ended = true;
          clearInterval(heartbeat);
          unsubscribe();
          raw.end();
        };
        let unsubscribe: () => void = () => undefined;
        unsubscribe = await runs.follow(
          request.params.id,
          after,
          (event) => {
            if (!ended) raw.write(`id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event.data)}\n\n`);
          },
          () => setImmediate(end),
        );
        request.raw.on('close', end);
      },
    );
  };
}
