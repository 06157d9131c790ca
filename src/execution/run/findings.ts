// Dedupe: failures with the same check, operation and cause are one defect. The first occurrence keeps
// its evidence (and is the one shrunk); later ones add to the count.
import type { TestCase } from '../../core/test-case.js';
import type { ExecutedStep } from '../checks/check.js';
import type { Exchange } from '../../core/exchange.js';
import type { Finding, FindingStep } from '../../core/finding.js';
import { severityRank } from '../../core/finding.js';
import { toCurl } from '../redaction/curl.js';
import { redactFinding } from '../redaction/redact-finding.js';
import { clipBody } from './clip-body.js';
import type { JudgedDraft } from './judge.js';

export interface Occurrence {
  judged: JudgedDraft;
  operation: string;
  exchange: Exchange;
  /** The case whose exchange is the evidence; for scenario findings, the step judged last. */
  testCase: TestCase;
  /** Present for scenario findings: every step, for a step-by-step reproduction. */
  steps?: ExecutedStep[];
  count: number;
  caseIds: string[];
}

export function dedupeKey(check: string, operation: string, cause: string): string {
  return JSON.stringify([check, operation, cause]);
}

export class FindingCollector {
  private readonly occurrences = new Map<string, Occurrence>();

  /** Returns true when this is a new distinct finding. */
  add(occurrence: Omit<Occurrence, 'count' | 'caseIds'>): boolean {
    const key = dedupeKey(occurrence.judged.check, occurrence.operation, occurrence.judged.draft.cause);
    const known = this.occurrences.get(key);
    if (known !== undefined) {
      known.count += 1;
      if (!known.caseIds.includes(occurrence.exchange.caseId)) known.caseIds.push(occurrence.exchange.caseId);
      return false;
    }
    this.occurrences.set(key, { ...occurrence, count: 1, caseIds: [occurrence.exchange.caseId] });
    return true;
  }

  get size(): number {
    return this.occurrences.size;
  }

  all(): Occurrence[] {
    return [...this.occurrences.values()];
  }
}

/** Redacted as they leave execution; worst first, then by operation and check, so reports read the same for the same seed. */
export function toFindings(occurrences: Occurrence[], secretNames: readonly string[] = []): Finding[] {
  return occurrences.map((o) => redactFinding(toFinding(o, secretNames), secretNames)).sort(
    (a, b) => severityRank(b.severity) - severityRank(a.severity) || a.operation.localeCompare(b.operation) || a.check.localeCompare(b.check) || a.cause.localeCompare(b.cause),
  );
}

export function toFinding(occurrence: Occurrence, secretNames: readonly string[] = []): Finding {
  const { judged, exchange } = occurrence;
  const finding: Finding = {
    check: judged.check,
    severity: judged.severity,
    operation: occurrence.operation,
    title: judged.draft.title,
    message: judged.draft.message,
    cause: judged.draft.cause,
    request: exchange.request,
    curl: toCurl(exchange.request, secretNames),
    count: occurrence.count,
    caseIds: occurrence.caseIds,
    correlationId: exchange.correlationId,
  };
  if (exchange.response !== undefined) {
    finding.response = { status: exchange.response.status, headers: exchange.response.headers, body: clipBody(exchange.response.body) };
  }
  if (judged.draft.evidence !== undefined) finding.evidence = judged.draft.evidence;
  if (judged.draft.payload !== undefined) finding.payload = judged.draft.payload;
  if (occurrence.steps !== undefined) finding.steps = occurrence.steps.flatMap((step) => toStep(step, secretNames));
  return finding;
}

function toStep(step: ExecutedStep, secretNames: readonly string[]): FindingStep[] {
  if (step.exchange === undefined) return [];
  const result: FindingStep = { title: step.testCase.title, request: step.exchange.request, curl: toCurl(step.exchange.request, secretNames) };
  if (step.exchange.response !== undefined) result.response = { ...step.exchange.response, body: clipBody(step.exchange.response.body) };
  return [result];
}
