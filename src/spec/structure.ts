// The top-level shape a description needs before anything else reads it.
import { SpecError } from '../core/errors.js';
import type { Dialect, SpecDiagnostic } from './model.js';
import { describeValue } from './normalize/context.js';

export function checkStructure(doc: Record<string, unknown>, dialect: Dialect, file: string, warnings: SpecDiagnostic[]): void {
  for (const key of ['paths', 'info', 'components', 'webhooks', 'definitions', 'securityDefinitions'] as const) {
    const value = doc[key];
    if (value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) {
      throw new SpecError(file, `"${key}" must be an object, found ${describeValue(value)}`, `/${key}`);
    }
  }
  const pathsOptional = dialect === 'openapi-3.1' || dialect === 'openapi-3.2';
  if (doc.paths === undefined && !pathsOptional) {
    warnings.push({ severity: 'warning', code: 'missing-paths', message: 'the description has no "paths": no operations to test', pointer: '', file });
  }
  if (doc.info === undefined) {
    warnings.push({ severity: 'warning', code: 'missing-info', message: 'the description has no "info" object', pointer: '', file });
  }
}
