// What the signed-in role may do: the server's own matrix, so the UI shows no button that would answer 403.
import { PERMISSIONS, type Permission } from '../../src/auth/roles.js';
import type { Role } from './api/types.js';

const RANK: Record<Role, number> = { viewer: 0, tester: 1, manager: 2, admin: 3 };

export function allows(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && RANK[role] >= RANK[PERMISSIONS[permission]];
}

export type { Permission };
