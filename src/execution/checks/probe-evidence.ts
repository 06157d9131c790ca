// Evidence helpers for the injection checks: the payload a probe carried, a response with every echo of
// that payload removed (reflection is not execution), signature search with an excerpt, and the
// comparisons behind differential and time-based probes.
import type { TestCase } from '../../core/test-case.js';
import { resolvePointer } from '../scenario-vars.js';
import type { ReceivedResponse } from '../../core/exchange.js';
import type { ExecutedStep } from './check.js';
import { responseOf, stepByRole } from './scenario-steps.js';

/** The value the probe put at its target, as text. */
export function payloadOf(testCase: TestCase): string | undefined {
  const mutation = testCase.mutation;
  if (mutation === undefined) return undefined;
  const request = testCase.request;
  const slots = { path: request.pathParams, query: request.query, header: request.headers, cookie: request.cookies };
  const value = mutation.location === 'body' ? resolvePointer(request.body?.value, mutation.target.split(',')[0]!) : slots[mutation.location][mutation.target];
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `text` without the payload in the forms a server echoes it: raw, JSON-escaped, URL-encoded, HTML-escaped. */
export function withoutEchoes(text: string, payload: string | undefined): string {
  if (payload === undefined || payload === '') return text;
  const forms = new Set([payload, JSON.stringify(payload).slice(1, -1), encodeURIComponent(payload), htmlEscape(payload), payload.replace(/ /g, '+')]);
  let out = text;
  for (const form of [...forms].sort((a, b) => b.length - a.length)) out = out.split(form).join(' ');
  return out;
}

export interface Signature {
  name: string;
  pattern: RegExp;
}

export function findSignature(text: string, signatures: readonly Signature[]): { name: string; excerpt: string } | undefined {
  for (const signature of signatures) {
    const match = signature.pattern.exec(text);
    if (match) return { name: signature.name, excerpt: around(text, match.index, match[0].length) };
  }
  return undefined;
}

export function around(text: string, index: number, length: number, context = 80): string {
  const start = Math.max(0, index - context);
  const end = Math.min(text.length, index + length + context);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ').trim()}${end < text.length ? '…' : ''}`;
}

function htmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * Two answers "the same" for differential probes: same status, and bodies (echoes removed) of close
 * length. Item counts of JSON lists must match exactly.
 */
export function similar(a: ReceivedResponse, b: ReceivedResponse, payloadA?: string, payloadB?: string): boolean {
  if (a.status !== b.status) return false;
  const countA = itemCount(a.json);
  const countB = itemCount(b.json);
  if (countA !== undefined && countB !== undefined && countA !== countB) return false;
  const lengthA = withoutEchoes(a.body, payloadA).length;
  const lengthB = withoutEchoes(b.body, payloadB).length;
  return Math.abs(lengthA - lengthB) <= Math.max(32, 0.1 * Math.max(lengthA, lengthB));
}

export function itemCount(json: unknown): number | undefined {
  if (Array.isArray(json)) return json.length;
  if (json === null || typeof json !== 'object') return undefined;
  const list = Object.values(json).find(Array.isArray);
  return list === undefined ? undefined : list.length;
}

/**
 * A delay confirmed twice: both delayed probes slower than the baseline by most of the delay, and the
 * zero-delay control (same syntax) not. One slow answer on a busy machine cannot pass all three.
 */
export function confirmedDelay(steps: ExecutedStep[], delayMs: number): { evidence: string; payload?: string } | undefined {
  const [baseline, first, control, second] = ['baseline', 'delay-1', 'control', 'delay-2'].map((role) => stepByRole(steps, role));
  const duration = (step: ExecutedStep | undefined) => (responseOf(step) === undefined ? undefined : step!.exchange!.durationMs);
  const [b, d1, c, d2] = [baseline, first, control, second].map(duration);
  if (b === undefined || d1 === undefined || c === undefined || d2 === undefined) return undefined;
  const slow = (d: number) => d >= b + 0.8 * delayMs && d >= 0.9 * delayMs;
  if (!slow(d1) || !slow(d2) || c >= b + 0.5 * delayMs) return undefined;
  return {
    evidence: `baseline ${Math.round(b)} ms; with a ${delayMs} ms sleep ${Math.round(d1)} ms and ${Math.round(d2)} ms; with a zero sleep ${Math.round(c)} ms`,
    payload: payloadOf(first!.testCase),
  };
}
