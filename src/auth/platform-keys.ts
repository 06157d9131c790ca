// The signing key of access tokens and the secret key of stored credentials: from the environment
// (SENTINEL_JWT_SECRET, SENTINEL_SECRET_KEY) or generated once into the data folder, readable only by
// the owner (mode 0600), so a restart keeps tokens and stored credentials valid.
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PlatformKeys {
  /** HMAC key of access tokens (HS256). */
  jwtSecret: Uint8Array;
  /** AES-256-GCM key of stored secrets. */
  secretKey: Buffer;
}

export function loadPlatformKeys(dataDir: string, env: NodeJS.ProcessEnv = process.env): PlatformKeys {
  const jwt = env.SENTINEL_JWT_SECRET ?? keyFile(dataDir, 'jwt-secret.key');
  const secret = env.SENTINEL_SECRET_KEY ?? keyFile(dataDir, 'secret.key');
  return { jwtSecret: new TextEncoder().encode(jwt), secretKey: toAesKey(secret) };
}

/** A given key of any length becomes 32 bytes: base64 of exactly 32 bytes is used as is, anything else hashed. */
function toAesKey(text: string): Buffer {
  const decoded = Buffer.from(text, 'base64');
  if (decoded.length === 32 && /^[A-Za-z0-9+/_-]+=*$/.test(text.trim())) return decoded;
  return createHash('sha256').update(text).digest();
}

function keyFile(dataDir: string, name: string): string {
  const path = join(dataDir, name);
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString('base64');
  writeFileSync(path, `${key}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return key;
}
