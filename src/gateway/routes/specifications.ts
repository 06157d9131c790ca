// /api/v1/specifications: upload (JSON with a URL or the text, or a multipart file), list, read, lint, delete.
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { Schema } from '../../data/schema.js';
import { addSpecification, deleteSpecification, getLint, getSpecification, listSpecifications, type SpecLibraryDeps } from '../../orchestration/platform/spec-library.js';
import { MAX_DESCRIPTION_BYTES } from '../../orchestration/platform/uploaded-description.js';
import { invalid } from '../../core/service-error.js';
import { contextOf } from '../request-context.js';
import { ID_PARAMS, ISO_TIME, PAGE_QUERY_PROPERTIES, pageOf, type PageQuery } from '../types.js';

const NAME = { type: 'string', minLength: 1, maxLength: 200 } as const;

const SPECIFICATION = {
  type: 'object',
  required: ['id', 'name', 'version', 'source', 'title', 'lintScore', 'operationCount', 'createdBy', 'createdAt'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    version: { type: 'integer', minimum: 1 },
    source: { type: 'string' },
    title: { type: 'string' },
    lintScore: { type: ['number', 'null'] },
    operationCount: { type: 'integer' },
    createdBy: { type: ['string', 'null'], format: 'uuid' },
    createdAt: ISO_TIME,
  },
} as const;

const SPECIFICATION_DETAIL = {
  type: 'object',
  required: [...SPECIFICATION.required, 'dialect', 'specVersion', 'apiVersion', 'servers', 'operations', 'versions'],
  properties: {
    ...SPECIFICATION.properties,
    dialect: { type: 'string' },
    specVersion: { type: 'string' },
    apiVersion: { type: 'string' },
    servers: { type: 'array', items: { type: 'string' } },
    operations: {
      type: 'array',
      items: {
        type: 'object',
        required: ['key', 'method', 'path', 'tags'],
        properties: { key: { type: 'string' }, method: { type: 'string' }, path: { type: 'string' }, operationId: { type: 'string' }, summary: { type: 'string' }, tags: { type: 'array', items: { type: 'string' } } },
      },
    },
    versions: {
      type: 'array',
      items: { type: 'object', required: ['id', 'version', 'createdAt'], properties: { id: { type: 'string', format: 'uuid' }, version: { type: 'integer' }, createdAt: ISO_TIME } },
    },
  },
} as const;

const LINT = {
  type: 'object',
  required: ['specificationId', 'score', 'findings'],
  properties: {
    specificationId: { type: 'string', format: 'uuid' },
    score: { type: 'number' },
    findings: {
      type: 'array',
      items: {
        type: 'object',
        required: ['rule', 'severity', 'pointer', 'message'],
        properties: {
          rule: { type: 'string' },
          set: { type: 'string' },
          severity: { type: 'string' },
          pointer: { type: 'string' },
          message: { type: 'string' },
          fix: { type: 'string' },
          operation: { type: 'string' },
          owasp: { type: 'string' },
        },
      },
    },
  },
} as const;

const JSON_UPLOAD = {
  oneOf: [
    {
      type: 'object',
      title: 'by URL',
      required: ['url'],
      additionalProperties: false,
      properties: { name: NAME, url: { type: 'string', format: 'uri', pattern: '^https?://', maxLength: 2048, description: 'fetched by the server, under the outbound policy' } },
    },
    {
      type: 'object',
      title: 'by content',
      required: ['content'],
      additionalProperties: false,
      properties: { name: NAME, content: { type: 'string', minLength: 1, maxLength: MAX_DESCRIPTION_BYTES, description: 'the description itself, JSON or YAML' } },
    },
  ],
} as const;

const MULTIPART_UPLOAD = {
  type: 'object',
  additionalProperties: false,
  required: ['file'],
  // The parsed form holds the file as bytes: no `type` here, the content media type says what it is.
  properties: { name: NAME, file: { contentMediaType: 'application/octet-stream', description: 'the description file, JSON or YAML' } },
} as const;

type UploadBody = { name?: string; url?: string; content?: string; file?: Buffer | string };

export function specificationRoutes(deps: SpecLibraryDeps): FastifyPluginAsync {
  const db: Kysely<Schema> = deps.db;
  return async (app) => {
    app.post<{ Body: UploadBody }>(
      '/specifications',
      {
        config: { permission: 'specifications:create' },
        schema: {
          operationId: 'createSpecification',
          summary: 'Upload a description (a name that exists gets a new version)',
          tags: ['specifications'],
          body: { content: { 'application/json': { schema: JSON_UPLOAD }, 'multipart/form-data': { schema: MULTIPART_UPLOAD } } },
          response: {
            201: SPECIFICATION,
            403: { description: 'the role lacks the permission, or the outbound policy denies the URL', $ref: 'Problem#' },
            422: { description: 'not a usable description (with the reason)', $ref: 'Problem#' },
            424: { description: 'the URL could not be fetched (unreachable, timed out, not a 2xx answer)', $ref: 'Problem#' },
          },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const multipart = request.isMultipart();
        const input = multipart ? multipartInput(body) : jsonInput(body);
        return reply.code(201).send(await addSpecification(deps, contextOf(request), input));
      },
    );

    app.get<{ Querystring: PageQuery & { q?: string } }>(
      '/specifications',
      {
        config: { permission: 'specifications:read' },
        schema: {
          operationId: 'listSpecifications',
          summary: 'List specifications (every version), newest first',
          tags: ['specifications'],
          querystring: { type: 'object', additionalProperties: false, properties: { ...PAGE_QUERY_PROPERTIES, q: { type: 'string', maxLength: 200, description: 'part of the name' } } },
          response: { 200: pageOf(SPECIFICATION) },
        },
      },
      async (request) => {
        const { page, limit, q } = request.query;
        return { ...(await listSpecifications(db, page, limit, q)), page, limit };
      },
    );

    app.get<{ Params: { id: string } }>(
      '/specifications/:id',
      {
        config: { permission: 'specifications:read' },
        schema: { operationId: 'getSpecification', summary: 'One specification version: operations, versions, lint score', tags: ['specifications'], params: ID_PARAMS, response: { 200: SPECIFICATION_DETAIL } },
      },
      async (request) => getSpecification(db, request.params.id),
    );

    app.get<{ Params: { id: string } }>(
      '/specifications/:id/lint',
      {
        config: { permission: 'specifications:read' },
        schema: { operationId: 'getSpecificationLint', summary: 'The lint findings and readiness score', tags: ['specifications'], params: ID_PARAMS, response: { 200: LINT } },
      },
      async (request) => getLint(db, request.params.id),
    );

    app.delete<{ Params: { id: string } }>(
      '/specifications/:id',
      {
        config: { permission: 'specifications:delete' },
        schema: { operationId: 'deleteSpecification', summary: 'Delete a specification version (its runs are kept)', tags: ['specifications'], params: ID_PARAMS, response: { 204: { description: 'deleted', type: 'null' } } },
      },
      async (request, reply) => {
        await deleteSpecification(deps.db, contextOf(request), request.params.id);
        return reply.code(204).send();
      },
    );
  };
}

function jsonInput(body: unknown): { name?: string; url?: string; content?: string } {
  // Ajv already checked the shape for JSON bodies; this guards a JSON body that is not an object.
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw invalid('body', 'expected an object with url or content');
  return body as { name?: string; url?: string; content?: string };
}

function multipartInput(body: UploadBody): { name?: string; content: string; fileName: string } {
  const file = body?.file;
  if (file === undefined) throw invalid('body/file', 'is required');
  const content = Buffer.isBuffer(file) ? file.toString('utf8') : String(file);
  if (content.trim() === '') throw invalid('body/file', 'is empty');
  return { ...(typeof body.name === 'string' ? { name: body.name } : {}), content, fileName: 'upload' };
}
