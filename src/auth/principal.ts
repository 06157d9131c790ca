// Who is calling: a user with an access token, or an API key acting with its own role.
import type { PlatformRole } from './roles.js';

export interface Principal {
  kind: 'user' | 'api-key';
  userId: string;
  username: string;
  role: PlatformRole;
  /** Set for API keys. */
  apiKeyId?: string;
}

/** The credential of a request: `Authorization: Bearer <token or key>` or `X-API-Key: <key>`. */
export function credentialOf(headers: Record<string, string | string[] | undefined>): { token: string } | { malformed: string } | undefined {
  const apiKey = headers['x-api-key'];
  const authorization = headers.authorization;
  if (typeof apiKey === 'string' && apiKey.trim() !== '') return { token: apiKey.trim() };
  if (authorization === undefined) return undefined;
  const match = typeof authorization === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(authorization) : null;
  if (!match) return { malformed: 'expected Authorization: Bearer <token>' };
  return { token: match[1]! };
}
