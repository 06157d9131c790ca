import { describe, expect, it } from 'vitest';
import { findingEmbedding } from '../../../src/data/embedding.js';
import { findingFingerprint } from '../../../src/data/fingerprint.js';
import { EMBEDDING_DIMENSIONS } from '../../../src/data/migrations/index.js';

const cosine = (a: number[], b: number[]) => 1 - a.reduce((sum, x, i) => sum + x * b[i]!, 0);

describe('findingFingerprint', () => {
  const base = { check: 'not_a_server_error', operation: 'GET /items/{id}', cause: '500' };

  it('depends on check, operation and cause only', () => {
    expect(findingFingerprint({ ...base, title: 'a' } as typeof base)).toBe(findingFingerprint(base));
    expect(findingFingerprint(base)).toMatch(/^[0-9a-f]{32}$/);
    expect(findingFingerprint({ ...base, cause: '502' })).not.toBe(findingFingerprint(base));
    expect(findingFingerprint({ ...base, operation: 'GET /items' })).not.toBe(findingFingerprint(base));
    expect(findingFingerprint({ ...base, check: 'status_code_conformance' })).not.toBe(findingFingerprint(base));
  });

  it('keeps the parts apart (no two keys glue into the same text)', () => {
    expect(findingFingerprint({ check: 'a b', operation: 'c', cause: '' })).not.toBe(findingFingerprint({ check: 'a', operation: 'b c', cause: '' }));
  });
});

describe('findingEmbedding', () => {
  const serverError = { check: 'not_a_server_error', operation: 'GET /items/{id}', title: 'Server error 500 on GET /items/{id}', evidence: 'TypeError: x is undefined' };

  it('is deterministic, of the column\'s size and of unit length', () => {
    const vector = findingEmbedding(serverError);
    expect(vector).toEqual(findingEmbedding(serverError));
    expect(vector).toHaveLength(EMBEDDING_DIMENSIONS);
    expect(Math.sqrt(vector.reduce((s, x) => s + x * x, 0))).toBeCloseTo(1, 5);
  });

  it('puts the same failure on another path parameter or status close, and another defect far', () => {
    const sibling = findingEmbedding({ ...serverError, operation: 'GET /items/{itemId}', title: 'Server error 502 on GET /items/{itemId}' });
    const other = findingEmbedding({ check: 'use_after_free', operation: 'DELETE /users/{id}', title: 'Deleted user still readable', evidence: 'GET returned 200 after DELETE' });
    const near = cosine(findingEmbedding(serverError), sibling);
    const far = cosine(findingEmbedding(serverError), other);
    expect(near).toBeLessThan(0.1);
    expect(far).toBeGreaterThan(0.6);
  });
});
