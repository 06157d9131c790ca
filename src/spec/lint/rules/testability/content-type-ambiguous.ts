// A wildcard media type leaves the client to guess how to encode or parse the body.
import type { OperationRule, RuleIssue } from '../../types.js';
import { mediaTypePointer } from '../../pointer.js';

export const contentTypeAmbiguous: OperationRule = {
  id: 'content-type-ambiguous',
  set: 'testability',
  severity: 'warn',
  given: 'operation',
  description: 'Request and response media types are concrete (no `*/*` or `application/*`).',
  fix: 'Replace the wildcard with the concrete media type(s) the API sends or accepts (e.g. `application/json`).',
  check(operation, model) {
    const issues: RuleIssue[] = [];
    const owners = [
      ...(operation.requestBody ? [{ where: 'request body', pointer: operation.requestBody.pointer, content: operation.requestBody.content }] : []),
      ...operation.responses.map((response) => ({ where: `response ${response.status}`, pointer: response.pointer, content: response.content })),
    ];
    for (const owner of owners) {
      for (const content of owner.content) {
        if (!content.mediaType.includes('*')) continue;
        issues.push({ pointer: mediaTypePointer(model, owner.pointer, content), message: `${operation.key} ${owner.where} uses the wildcard media type "${content.mediaType}".` });
      }
    }
    return issues;
  },
};
