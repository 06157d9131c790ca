// Generated request bodies come from the schema; with none, only an empty object can be sent.
import type { OperationRule, RuleIssue } from '../../types.js';
import { isEmptySchema, isStructuredMediaType } from '../../facts.js';
import { mediaSchemaPointer } from '../../pointer.js';

export const requestBodySchemaMissing: OperationRule = {
  id: 'request-body-schema-missing',
  set: 'testability',
  severity: 'warn',
  given: 'operation',
  description: 'Request bodies declare a media type and a schema.',
  fix: 'Describe the body under `requestBody.content` with a media type (e.g. `application/json`) and a `schema`.',
  check(operation, model) {
    const body = operation.requestBody;
    if (body === undefined) return [];
    if (body.content.length === 0) return [{ pointer: body.pointer, message: `${operation.key} has a request body with no media type.` }];
    const issues: RuleIssue[] = [];
    for (const content of body.content) {
      // Binary uploads (octet-stream, images) have no structure to describe.
      if (!isStructuredMediaType(content.mediaType) || !isEmptySchema(content.schema)) continue;
      issues.push({ pointer: mediaSchemaPointer(model, body.pointer, content), message: `${operation.key} request body (${content.mediaType}) has no schema.` });
    }
    return issues;
  },
};
