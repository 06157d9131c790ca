// A finding's embedding for "similar findings": feature hashing, deterministic and local (no model). Words
// and word pairs of the check, the operation (path parameters as one token), the title and the evidence are
// hashed into a fixed number of signed buckets, then scaled to unit length so cosine distance compares
// what the findings say rather than how long they are.
import { EMBEDDING_DIMENSIONS } from './migrations/index.js';

export interface EmbeddingInput {
  check: string;
  operation: string;
  title: string;
  evidence?: string | undefined;
}

/** Evidence can be a whole response excerpt; its first words say what it is. */
const MAX_EVIDENCE_TOKENS = 64;

export function findingEmbedding(finding: EmbeddingInput, dimensions: number = EMBEDDING_DIMENSIONS): number[] {
  const vector = new Array<number>(dimensions).fill(0);
  const add = (feature: string, weight: number) => {
    const hash = fnv1a(feature);
    const sign = (fnv1a(`±${feature}`) & 1) === 0 ? 1 : -1;
    vector[hash % dimensions]! += sign * weight;
  };
  add(`check:${finding.check}`, 4);
  for (const token of tokens(finding.check)) add(`check-word:${token}`, 1);
  const [method = '', path = ''] = finding.operation.split(' ', 2);
  add(`method:${method.toUpperCase()}`, 1);
  const segments = path.split('/').filter((s) => s !== '').map((s) => (s.startsWith('{') ? '{}' : s.toLowerCase()));
  for (const segment of segments) add(`segment:${segment}`, 1);
  add(`path:${segments.join('/')}`, 2);
  addText(add, 'title', tokens(finding.title), 1.5);
  addText(add, 'evidence', tokens(finding.evidence ?? '').slice(0, MAX_EVIDENCE_TOKENS), 0.5);
  const norm = Math.sqrt(vector.reduce((sum, x) => sum + x * x, 0));
  return norm === 0 ? vector : vector.map((x) => Math.fround(x / norm));
}

function addText(add: (feature: string, weight: number) => void, field: string, words: string[], weight: number): void {
  words.forEach((word, index) => {
    add(`${field}:${word}`, weight);
    const next = words[index + 1];
    if (next !== undefined) add(`${field}:${word} ${next}`, weight / 2);
  });
}

/** Lower-case words; numbers become `#` so `status 503` and `status 502` read alike. */
function tokens(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []).map((word) => (/^\d+$/.test(word) ? '#' : word));
}

/** 32-bit FNV-1a over UTF-16 code units: tiny, fast and the same everywhere. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}
