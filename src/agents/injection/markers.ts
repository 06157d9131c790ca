// Unique, seeded tokens that make evidence unambiguous: a marker in a response can only come from our
// payload, and the same seed gives the same tokens (and so the same plan).
import { createRng, deriveSeed } from '../data/prng.js';

export function markerToken(seed: number, label: string): string {
  const rng = createRng(deriveSeed(seed, label));
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let token = '';
  for (let i = 0; i < 10; i++) token += alphabet[rng.int(0, alphabet.length - 1)];
  return token;
}
