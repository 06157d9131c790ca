// A finding's evidence as plain text: what JUnit failure bodies and Markdown details show.
import type { ReportExchange, ReportFinding } from './report-finding.js';

export function evidenceText(finding: ReportFinding): string {
  const lines = [finding.message];
  if (finding.count > 1) lines.push(`Seen ${finding.count} times.`);
  if (finding.evidence !== undefined) lines.push(`Evidence: ${finding.evidence}`);
  if (finding.payload !== undefined) lines.push(`Payload: ${finding.payload}`);
  if (finding.steps && finding.steps.length > 0) {
    finding.steps.forEach((step, index) => lines.push('', `Step ${index + 1}: ${step.title}`, ...exchangeLines(step)));
  } else {
    lines.push('', ...exchangeLines(finding));
  }
  return lines.join('\n');
}

export function exchangeLines(exchange: ReportExchange): string[] {
  const { request, response } = exchange;
  const lines = [`Request: ${request.method.toUpperCase()} ${request.url}`];
  for (const [name, value] of Object.entries(request.headers)) lines.push(`  ${name}: ${value}`);
  if (request.body !== undefined) lines.push(`  body: ${clip(request.body)}`);
  if (response) {
    lines.push(`Response: ${response.status}`);
    for (const [name, value] of Object.entries(response.headers)) lines.push(`  ${name}: ${Array.isArray(value) ? value.join(', ') : value}`);
    if (response.body !== '') lines.push(`  body: ${clip(response.body)}`);
  } else {
    lines.push('Response: none (transport error)');
  }
  lines.push(`Reproduce: ${exchange.curl}`);
  return lines;
}

function clip(text: string): string {
  return text.length > 2000 ? `${text.slice(0, 2000)}… (${text.length} characters)` : text;
}
