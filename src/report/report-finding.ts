// The written form of a finding, shared by every writer: redacted, with its curl line, in a stable order.
import type { SentRequest } from '../core/exchange.js';
import { severityRank, type Finding } from '../core/finding.js';
import type { RunResult } from '../core/run-result.js';
import { toCurl } from '../execution/redaction/curl.js';
import { collectSecretValues, redactRequest, redactResponse, scrubSecrets } from '../execution/redaction/redact.js';
import { isSecretName } from '../execution/redaction/secret-names.js';

/** One request/response pair as written: the finding's own fields, redacted. */
export type ReportExchange = Pick<Finding, 'request' | 'response' | 'curl'>;

/** A finding as written: every field of the Finding contract except the internal case ids. */
export interface ReportFinding extends Omit<Finding, 'caseIds' | 'steps'> {
  steps?: (ReportExchange & { title: string })[];
}

/** Redacted findings, worst first, then by check and operation, so reports diff cleanly between runs. */
export function reportFindings(result: RunResult): ReportFinding[] {
  const extraNames = result.summary.secretNames ?? [];
  return [...result.findings]
    .sort(
      (a, b) =>
        severityRank(b.severity) - severityRank(a.severity) ||
        byCodePoint(a.check, b.check) ||
        byCodePoint(a.operation, b.operation) ||
        byCodePoint(a.cause, b.cause),
    )
    .map((finding) => redactFinding(finding, extraNames));
}

/** Locale-independent, so the same run gives byte-identical reports on every machine. */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function redactFinding(finding: Finding, extraNames: readonly string[] = []): ReportFinding {
  const requests = [finding.request, ...(finding.steps ?? []).map((step) => step.request)];
  const responses = [finding.response, ...(finding.steps ?? []).map((step) => step.response)];
  const secrets = [...collectSecretValues(requests, extraNames), ...collectBodySecrets(responses, extraNames)].sort(
    (a, b) => b.length - a.length,
  );
  const scrub = (text: string) => scrubSecrets(text, secrets);
  const exchange = (request: SentRequest, response: ReportExchange['response']): ReportExchange => {
    const redacted = redactRequest(request, extraNames, secrets);
    // Built from the redacted request, so a secret echoed in the body is gone before shell quoting.
    const written: ReportExchange = { request: redacted, curl: toCurl(redacted, extraNames) };
    if (response) written.response = redactResponse(response, secrets, extraNames);
    return written;
  };
  const written: ReportFinding = {
    check: finding.check,
    severity: finding.severity,
    operation: finding.operation,
    title: scrub(finding.title),
    message: scrub(finding.message),
    cause: scrub(finding.cause),
    count: finding.count,
    correlationId: finding.correlationId,
    ...exchange(finding.request, finding.response),
  };
  if (finding.evidence !== undefined) written.evidence = scrub(finding.evidence);
  if (finding.payload !== undefined) written.payload = scrub(finding.payload);
  if (finding.steps) {
    written.steps = finding.steps.map((step) => ({ title: scrub(step.title), ...exchange(step.request, step.response) }));
  }
  return written;
}

/** Tokens a response hands out (`"access_token": "..."`): string values under secret-named JSON keys. */
function collectBodySecrets(responses: ({ body: string } | undefined)[], extraNames: readonly string[]): string[] {
  const values: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === 'string' && value.length >= 6 && isSecretName(key, extraNames)) values.push(value);
        else walk(value);
      }
    }
  };
  for (const response of responses) {
    const body = response?.body.trim();
    if (!body || (body[0] !== '{' && body[0] !== '[')) continue;
    try {
      walk(JSON.parse(body));
    } catch {
      // Not JSON (or truncated): only the request-side secrets apply.
    }
  }
  return values;
}
