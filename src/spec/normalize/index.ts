// A dereferenced description → the normalized ApiModel.
import type { ApiModel, SpecDiagnostic } from '../model.js';
import type { DetectedDialect } from '../dialect.js';
import { SchemaConverter } from '../schema-convert.js';
import { asObj, optionalString, stringList, type NormalizeContext, type Obj, warn } from './context.js';
import { normalizeOperations, normalizeWebhooks } from './operations.js';
import { securityRequirements, securitySchemes } from './security.js';
import { openApiServers, swaggerServers } from './servers.js';

export interface NormalizeInput {
  doc: Obj;
  detected: DetectedDialect;
  /** File name for messages. */
  file: string;
  /** The description's URL, when fetched from the network (relative server URLs resolve against it). */
  baseUrl?: string;
  refNames?: WeakMap<object, string>;
  warnings?: SpecDiagnostic[];
}

export function normalizeDocument(input: NormalizeInput): ApiModel {
  const { doc, detected, file, baseUrl } = input;
  const warnings = input.warnings ?? [];
  const circular = new Set<string>();
  const ctx: NormalizeContext = {
    file,
    dialect: detected.dialect,
    schemas: new SchemaConverter(detected.dialect, input.refNames, (keyword) => circular.add(keyword)),
    warnings,
    consumes: stringList(doc.consumes),
    produces: stringList(doc.produces),
  };
  const info = asObj(doc.info);
  const schemes = securitySchemes(doc, ctx);
  const description = optionalString(info.description);
  const model: ApiModel = {
    source: file,
    dialect: detected.dialect,
    specVersion: detected.specVersion,
    info: { title: optionalString(info.title) ?? '', version: optionalString(info.version) ?? String(info.version ?? ''), ...(description ? { description } : {}) },
    servers: detected.dialect === 'swagger-2.0' ? swaggerServers(doc, baseUrl) : openApiServers(doc.servers, '/servers', ctx, baseUrl),
    operations: normalizeOperations(doc, schemes, ctx, baseUrl),
    securitySchemes: schemes,
    security: securityRequirements(doc.security, '/security', schemes, ctx),
    webhooks: normalizeWebhooks(doc, ctx),
    schemaDefs: ctx.schemas.defs,
    warnings: ctx.warnings,
  };
  for (const keyword of circular) {
    warn(ctx, 'circular-schema-value', `a $ref makes the value of schema keyword "${keyword}" contain itself; left out of the schema`, '');
  }
  return model;
}
