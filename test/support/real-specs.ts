// Real API descriptions the tests and benchmarks load, all from inside the checkout: GitHub's REST
// description from the pinned devDependency `@octokit/openapi`, the others as gzip copies under
// test/fixtures/specs/real (small, so a fresh clone has them without any shared folder).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);

/** GitHub's REST API, OpenAPI 3.0.3, 1,223 operations, 13 MB (`@octokit/openapi` 23.0.2). */
export function githubRestSpec(): string {
  return require.resolve('@octokit/openapi/generated/api.github.com.json');
}

let unpacked: string | undefined;

/** A gzip copy under test/fixtures/specs/real, unpacked once into a temporary folder under its own name. */
export function realSpec(file: string): string {
  unpacked ??= mkdtempSync(join(tmpdir(), 'sentinel-real-specs-'));
  const path = join(unpacked, file);
  const gz = readFileSync(join(repoRoot, 'test/fixtures/specs/real', `${file}.gz`));
  writeFileSync(path, gunzipSync(gz));
  return path;
}
