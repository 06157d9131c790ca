// The shapes the platform's /api/v1 answers (see its OpenAPI document at /openapi.json).
export type Role = 'viewer' | 'tester' | 'manager' | 'admin';
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export type RunStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
export const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}

export interface Me {
  id: string;
  username: string;
  role: Role;
  kind: 'user' | 'api-key';
  mustChangePassword: boolean;
}

export interface Specification {
  id: string;
  name: string;
  version: number;
  source: string;
  title: string;
  lintScore: number | null;
  operationCount: number;
  createdAt: string;
}

export interface SpecOperation {
  key: string;
  method: string;
  path: string;
  operationId?: string;
  summary?: string;
  tags: string[];
}

export interface SpecificationDetail extends Specification {
  dialect: string;
  specVersion: string;
  apiVersion: string;
  servers: string[];
  operations: SpecOperation[];
  versions: { id: string; version: number; createdAt: string }[];
}

export interface LintFinding {
  rule: string;
  severity: string;
  pointer: string;
  message: string;
  fix?: string;
  operation?: string;
}

export interface Lint {
  specificationId: string;
  score: number;
  findings: LintFinding[];
}

export type SeverityCounts = Partial<Record<Severity, number>>;

export interface Run {
  id: string;
  specificationId: string | null;
  specName: string;
  specVersion: number;
  baseUrl: string;
  status: RunStatus;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs?: number | null;
  requests: number;
  cases: number;
  findings: number;
  findingsBySeverity: SeverityCounts;
}

export interface RunDetail extends Run {
  options: Record<string, unknown>;
  error: string | null;
  summary: { operations?: number; cases?: number; scenarios?: number; requests?: number; notes?: string[] } | null;
}

export interface Exchange {
  method?: string;
  url?: string;
  status?: number;
  headers?: Record<string, string>;
  body?: string;
}

export interface Finding {
  id: string;
  fingerprint: string;
  check: string;
  severity: Severity;
  operation: string;
  title: string;
  message: string;
  request: Exchange;
  response: Exchange | null;
  curl: string;
  count: number;
  agents?: string[];
  evidence?: string;
  payload?: string;
  steps?: Record<string, unknown>[];
  cause?: string;
}

export interface User {
  id: string;
  username: string;
  role: Role;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  role: Role;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  key?: string;
}

export interface AuditEvent {
  id: string;
  at: string;
  actor: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  address: string | null;
  correlationId: string | null;
}
