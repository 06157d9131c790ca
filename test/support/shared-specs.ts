// The real API descriptions the tests load live outside the repository (../shared/specs beside the
// checkout, never copied in). CI may clone elsewhere, so look in the known places and fail loudly when
// none has them: a test that quietly skipped would prove nothing.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const candidates = [
  process.env.SENTINEL_SHARED_SPECS,
  join(repoRoot, '../shared/specs'),
  '/work/shared/specs',
].filter((dir): dir is string => dir !== undefined && dir !== '');

export function sharedSpec(file: string): string {
  for (const dir of candidates) {
    const path = join(dir, file);
    if (existsSync(path)) return path;
  }
  throw new Error(`shared spec ${file} not found in ${candidates.join(', ')}; set SENTINEL_SHARED_SPECS to the folder holding it`);
}
