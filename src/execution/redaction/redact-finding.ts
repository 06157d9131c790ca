// A finding as it leaves execution: credentials in its requests, responses, curl lines and free text
// replaced by a marker, so events, reports, stores and broker messages never hold a secret. The raw
// exchanges stay inside execution, where confirming and shrinking must send them again.
import type { ReceivedResponse, SentRequest } from '../../core/exchange.js';
import type { Finding, FindingStep } from '../../core/finding.js';
import { toCurl } from './curl.js';
import { collectBodySecrets, collectSecretValues, redactRequest, redactResponse, scrubSecrets } from './redact.js';

/** `extraNames`: the description's apiKey parameter names, secret whatever they are called. */
export function redactFinding(finding: Finding, extraNames: readonly string[] = []): Finding {
  const requests = [finding.request, ...(finding.steps ?? []).map((step) => step.request)];
  const responses = [finding.response, ...(finding.steps ?? []).map((step) => step.response)];
  const secrets = [...collectSecretValues(requests, extraNames), ...collectBodySecrets(responses, extraNames)].sort((a, b) => b.length - a.length);
  const scrub = (text: string) => scrubSecrets(text, secrets);
  const request = (sent: SentRequest) => redactRequest(sent, extraNames, secrets);
  const redacted: Finding = {
    check: finding.check,
    severity: finding.severity,
    operation: finding.operation,
    title: scrub(finding.title),
    message: scrub(finding.message),
    cause: scrub(finding.cause),
    request: request(finding.request),
    // Built from the redacted request, so a secret echoed in the body is gone before shell quoting.
    curl: toCurl(request(finding.request), extraNames),
    count: finding.count,
    caseIds: finding.caseIds,
    correlationId: finding.correlationId,
  };
  if (finding.response !== undefined) redacted.response = redactResponse(finding.response, secrets, extraNames);
  if (finding.evidence !== undefined) redacted.evidence = scrub(finding.evidence);
  if (finding.payload !== undefined) redacted.payload = scrub(finding.payload);
  if (finding.flaky !== undefined) {
    const { original, retry } = finding.flaky;
    redacted.flaky = { original: { ...original, verdict: scrub(original.verdict) }, retry: { ...retry, verdict: scrub(retry.verdict) } };
  }
  if (finding.steps !== undefined) {
    redacted.steps = finding.steps.map((step) => {
      const sent = request(step.request);
      const out: FindingStep = { title: scrub(step.title), request: sent, curl: toCurl(sent, extraNames) };
      if (step.response !== undefined) out.response = redactStepResponse(step.response, secrets, extraNames);
      return out;
    });
  }
  return redacted;
}

/** The parsed body is dropped: it may hold what the text form no longer does. */
function redactStepResponse(response: ReceivedResponse, secrets: readonly string[], extraNames: readonly string[]): ReceivedResponse {
  return { ...redactResponse(response, secrets, extraNames), truncated: response.truncated };
}
