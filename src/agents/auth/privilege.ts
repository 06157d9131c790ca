// Operations privileged by their shape: admin paths, tags or ids, deletes on whole collections, and
// bodies that set roles or admin flags. A lower-privileged identity must not reach them (bfla).
import type { ApiModel, Operation } from '../../spec/model.js';
import { normalizeName } from '../stateful/naming.js';
import { jsonBody, objectFields } from '../stateful/schema-fields.js';

const PRIVILEGED_WORD = /^(admin|admins|administration|administrator|administrators|internal|manage|management|superuser|sudo|root|staff|moderation|moderator|backoffice|system|ops)$/i;
const ROLE_FIELDS = new Set(['role', 'roles', 'isadmin', 'admin', 'permissions', 'privileges', 'scopes', 'isstaff', 'superuser', 'issuperuser', 'accesslevel', 'usertype', 'group', 'groups']);

/** Why the operation is privileged, or undefined when nothing in its shape says so. */
export function privilegeReason(model: ApiModel, operation: Operation): string | undefined {
  const segment = operation.path.split('/').find((s) => PRIVILEGED_WORD.test(s));
  if (segment !== undefined) return `its path has an "${segment}" segment`;
  const tag = operation.tags.find((t) => t.split(/[\s_-]+/).some((w) => PRIVILEGED_WORD.test(w)));
  if (tag !== undefined) return `it is tagged "${tag}"`;
  if (operation.operationId !== undefined && /admin/i.test(operation.operationId)) return `its operationId is "${operation.operationId}"`;
  if (operation.method === 'delete' && !operation.path.endsWith('}')) return 'it deletes a whole collection';
  if (['post', 'put', 'patch'].includes(operation.method)) {
    const field = roleFields(model, operation)[0];
    if (field !== undefined) return `its body sets "${field.name}"`;
  }
  return undefined;
}

export function roleFields(model: ApiModel, operation: Operation): { name: string; pointer: string; schema: Record<string, unknown> }[] {
  return objectFields(model, jsonBody(operation)?.schema).filter((f) => ROLE_FIELDS.has(normalizeName(f.name)));
}

/** The most privileged value a role field admits: an admin-like enum value, `true` for flags. */
export function escalatedValue(schema: Record<string, unknown>): unknown {
  if (Array.isArray(schema.enum)) return schema.enum.find((v) => typeof v === 'string' && /admin|owner|root|super/i.test(v)) ?? undefined;
  if (schema.type === 'boolean') return true;
  if (schema.type === 'string') return 'admin';
  if (schema.type === 'array' && typeof schema.items === 'object' && schema.items !== null && (schema.items as { type?: unknown }).type === 'string') return ['admin'];
  return undefined;
}
