// Response schemas of users and API keys.
import { ROLES } from '../../auth/roles.js';
import { ISO_TIME } from '../types.js';

export const ROLE_SCHEMA = { type: 'string', enum: [...ROLES] } as const;
const NULLABLE_TIME = { type: ['string', 'null'], format: 'date-time' } as const;

export const USER_SCHEMA = {
  type: 'object',
  required: ['id', 'username', 'role', 'disabled', 'mustChangePassword', 'createdAt', 'updatedAt', 'lastLoginAt'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    username: { type: 'string' },
    role: ROLE_SCHEMA,
    disabled: { type: 'boolean' },
    mustChangePassword: { type: 'boolean' },
    createdAt: ISO_TIME,
    updatedAt: ISO_TIME,
    lastLoginAt: NULLABLE_TIME,
  },
} as const;

export const API_KEY_SCHEMA = {
  type: 'object',
  required: ['id', 'name', 'prefix', 'role', 'createdBy', 'createdAt', 'expiresAt', 'revokedAt', 'lastUsedAt'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    name: { type: 'string' },
    prefix: { type: 'string', description: 'the first characters of the key, to recognise it' },
    role: ROLE_SCHEMA,
    createdBy: { type: ['string', 'null'], format: 'uuid' },
    createdAt: ISO_TIME,
    expiresAt: NULLABLE_TIME,
    revokedAt: NULLABLE_TIME,
    lastUsedAt: NULLABLE_TIME,
  },
} as const;
