// Response validation is the main oracle: a body without a schema can only be checked for "not a 5xx".
import type { OperationRule, RuleIssue } from '../../types.js';
import { isEmptySchema } from '../../facts.js';
import { mediaSchemaPointer } from '../../pointer.js';

// Statuses that carry no body by definition, or usually none (202 Accepted).
const BODYLESS = new Set(['202', '204', '205', '304']);

export const responseSchemaMissing: OperationRule = {
  id: 'response-schema-missing',
  set: 'testability',
  severity: 'warn',
  given: 'operation',
  description: 'Success responses document their body with a schema.',
  fix: 'Describe the response body under `content` with a media type and a `schema` (a `$ref` to a component is best).',
  check(operation, model) {
    const issues: RuleIssue[] = [];
    for (const response of operation.responses) {
      if (response.content.length === 0) {
        const expectsBody = response.status.startsWith('2') && !BODYLESS.has(response.status) && operation.method !== 'head';
        if (expectsBody) issues.push({ pointer: response.pointer, message: `${operation.key} response ${response.status} documents no body.` });
        continue;
      }
      for (const content of response.content) {
        if (!isEmptySchema(content.schema)) continue;
        issues.push({
          pointer: mediaSchemaPointer(model, response.pointer, content),
          message: `${operation.key} response ${response.status} (${content.mediaType}) has no schema.`,
        });
      }
    }
    return issues;
  },
};
