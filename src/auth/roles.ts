// Roles and the permission matrix (resource × action → lowest role allowed). README.md's Platform section
// writes the same matrix as a table; test/integration/platform-permissions.test.ts reads that table and
// checks every route against it, so the two cannot drift.
export const ROLES = ['viewer', 'tester', 'manager', 'admin'] as const;
export type PlatformRole = (typeof ROLES)[number];

export const PERMISSIONS = {
  'specifications:read': 'viewer',
  'specifications:create': 'tester',
  'specifications:delete': 'manager',
  'test-runs:read': 'viewer',
  'test-runs:create': 'tester',
  'test-runs:cancel': 'tester',
  'test-runs:delete': 'manager',
  'findings:read': 'viewer',
  'api-keys:read': 'manager',
  'api-keys:create': 'manager',
  'api-keys:revoke': 'manager',
  'users:read': 'admin',
  'users:create': 'admin',
  'users:update': 'admin',
  'users:delete': 'admin',
  'audit-events:read': 'admin',
} as const satisfies Record<string, PlatformRole>;

export type Permission = keyof typeof PERMISSIONS;

export function roleRank(role: PlatformRole): number {
  return ROLES.indexOf(role);
}

export function isRole(value: unknown): value is PlatformRole {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function allows(role: PlatformRole, permission: Permission): boolean {
  return roleRank(role) >= roleRank(PERMISSIONS[permission]);
}
