// The broken-input corpus: every file in test/fixtures/specs/broken gets one SpecError line naming the
// file, the location where known, and the reason — within bounded time and memory.
import { readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatLocation, SpecError } from '../../../src/core/errors.js';
import { loadSpec } from '../../../src/spec/load.js';

const DIR = 'test/fixtures/specs/broken';

/** file → what the one-line message must contain (file name first, then location, then reason). */
const CORPUS: { file: string; expected: RegExp }[] = [
  { file: 'truncated.json', expected: /truncated\.json:1: invalid JSON: unexpected end of input \(truncated\?\)$/ },
  { file: 'trailing-garbage.json', expected: /trailing-garbage\.json:2: invalid JSON: Unexpected non-whitespace character after JSON$/ },
  { file: 'single-quotes.json', expected: /single-quotes\.json:2: invalid JSON: Unexpected token '''$/ },
  { file: 'bad-indent.yaml', expected: /bad-indent\.yaml:6: invalid YAML: / },
  { file: 'unclosed-flow.yaml', expected: /unclosed-flow\.yaml:4: invalid YAML: Flow map/ },
  { file: 'tab-indent.yaml', expected: /tab-indent\.yaml:4: invalid YAML: Tabs are not allowed/ },
  { file: 'duplicate-keys.yaml', expected: /duplicate-keys\.yaml:4: invalid YAML: Map keys must be unique/ },
  { file: 'alias-bomb.yaml', expected: /alias-bomb\.yaml: YAML refused: too many aliases \(a "billion laughs" document\?\)/ },
  { file: 'custom-tag.yaml', expected: /custom-tag\.yaml:3: YAML tags are not allowed: Unresolved tag: !include/ },
  { file: 'js-function-tag.yaml', expected: /js-function-tag\.yaml:4: YAML tags are not allowed: .*js\/function/ },
  { file: 'circular-alias.yaml', expected: /circular-alias\.yaml: invalid YAML: an alias refers to a value that contains it/ },
  { file: 'deep-nesting.json', expected: /deep-nesting\.json:1: nesting deeper than 256 levels/ },
  { file: 'deep-nesting.yaml', expected: /deep-nesting\.yaml: nesting deeper than 256 levels/ },
  { file: 'empty.yaml', expected: /empty\.yaml: empty document$/ },
  { file: 'scalar.yaml', expected: /scalar\.yaml: not an OpenAPI description: the document is a string/ },
  { file: 'array.json', expected: /array\.json: not an OpenAPI description: the document is an array/ },
  { file: 'missing-version.yaml', expected: /missing-version\.yaml: not an OpenAPI description: no "openapi" or "swagger" version field/ },
  { file: 'swagger-1.2.json', expected: /swagger-1\.2\.json:1: \/swagger: unsupported Swagger version "1\.2"/ },
  { file: 'unknown-keyword-version.yaml', expected: /unknown-keyword-version\.yaml:1: \/swagger: unsupported Swagger version "3\.0"/ },
  { file: 'openapi-4.yaml', expected: /openapi-4\.yaml:1: \/openapi: unsupported OpenAPI version "4\.0\.0"/ },
  { file: 'openapi-number.yaml', expected: /openapi-number\.yaml:1: \/openapi: the openapi field must be a string/ },
  { file: 'asyncapi.yaml', expected: /asyncapi\.yaml:1: \/asyncapi: an AsyncAPI document, not an OpenAPI description/ },
  { file: 'paths-array.yaml', expected: /paths-array\.yaml:3: \/paths: "paths" must be an object, found an array/ },
  { file: 'components-string.yaml', expected: /components-string\.yaml:4: \/components: "components" must be an object/ },
  {
    file: 'missing-ref.yaml',
    expected: /missing-ref\.yaml:11: \/paths\/~1pets\/get\/responses\/200\/content\/application~1json\/schema: \$ref target not found: "#\/components\/schemas\/Pet" \(.*has no "Pet"/,
  },
  { file: 'missing-ref-file.yaml', expected: /missing-ref-file\.yaml:7: \/paths\/~1pets\/get\/responses\/200: \$ref target file not found: .*nowhere\.yaml/ },
  { file: 'missing-ref-in-other-file.yaml', expected: /missing-ref-in-other-file\.yaml:7: .*\$ref target not found: "parts\/responses\.yaml#\/NotThere" \(.*responses\.yaml has no "NotThere"/ },
  { file: 'ref-into-scalar.yaml', expected: /ref-into-scalar\.yaml:7: .*\$ref target not found: "#\/info\/title\/deeper"/ },
  { file: 'ref-loop-files.yaml', expected: /loop-b\.yaml:1: \/B: circular \$ref chain that never reaches a value: .*loop-a\.yaml#\/A -> .*loop-b\.yaml#\/B -> .*loop-a\.yaml#\/A/ },
  { file: 'ref-loop-internal.yaml', expected: /ref-loop-internal\.yaml:\d+: \/components\/responses\/[AB]: circular \$ref chain/ },
  { file: 'ref-to-invalid-file.yaml', expected: /parts\/invalid\.yaml:3: invalid YAML: Flow sequence/ },
  { file: 'ref-unsupported-scheme.yaml', expected: /ref-unsupported-scheme\.yaml:7: .*unsupported \$ref scheme in "ftp:/ },
  { file: 'ref-bad-percent.yaml', expected: /ref-bad-percent\.yaml:7: \/paths\/~1pets\/get\/responses\/200: invalid \$ref "#\/components\/responses\/%ZZ": bad percent-encoding$/ },
  { file: 'binary.png', expected: /binary\.png: not a text document: NUL byte at offset 8/ },
  { file: 'latin1.yaml', expected: /latin1\.yaml: not a text document: invalid UTF-8 at offset 61/ },
];

/**
 * Sloppy but loadable: these load, and each warning reads as the same one line an error would
 * (`file:line: pointer: message`).
 */
const SLOPPY: { file: string; expected: RegExp[] }[] = [
  {
    file: 'undeclared-path-param.yaml',
    expected: [/undeclared-path-param\.yaml:5: \/paths\/~1orders~1{orderId}~1items~1{itemId}\/get: {itemId} in \/orders\/{orderId}\/items\/{itemId} is not declared as a path parameter; assuming a required string$/],
  },
  {
    file: 'path-param-not-in-template.yaml',
    expected: [/path-param-not-in-template\.yaml:7: \/paths\/~1orders\/get\/parameters\/0: path parameter "orderId" is declared but \/orders has no {orderId}; ignored$/],
  },
  {
    file: 'duplicate-operation-id.json',
    expected: [/duplicate-operation-id\.json:6: \/paths\/~1b\/get\/operationId: operationId "list" is also used by GET \/a$/],
  },
];

async function failure(source: string, options?: Parameters<typeof loadSpec>[1]): Promise<SpecError> {
  const started = performance.now();
  const error = await loadSpec(source, options).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  // Bounded: each broken input is refused quickly and without a memory blow-up.
  expect(performance.now() - started).toBeLessThan(10_000);
  expect(process.memoryUsage().rss).toBeLessThan(1024 * 1024 * 1024);
  expect(error).toBeInstanceOf(SpecError);
  return error as SpecError;
}

describe('broken descriptions are refused with one clear line', () => {
  it('covers every file of the corpus (at least 30)', () => {
    const files = readdirSync(DIR).filter((name) => name !== 'parts');
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(files.sort()).toEqual([...CORPUS, ...SLOPPY].map((entry) => entry.file).sort());
  });

  it.each(CORPUS)('$file', async ({ file, expected }) => {
    const error = await failure(join(DIR, file));
    expect(error.message).toMatch(expected);
    expect(error.message).not.toContain('\n');
    expect(error.message.startsWith(DIR) || error.message.includes('/broken/')).toBe(true);
  });
});

describe('sloppy descriptions in the corpus load with one-line warnings', () => {
  it.each(SLOPPY)('$file', async ({ file, expected }) => {
    const model = await loadSpec(join(DIR, file));
    const lines = model.warnings.map((w) => formatLocation(w.file ?? model.source, w.pointer, w.line, w.message));
    expect(lines).toHaveLength(expected.length);
    expected.forEach((pattern, index) => expect(lines[index]).toMatch(pattern));
  });
});

describe('generated broken inputs', () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('refuses a 50 MB document before parsing it', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sentinel-spec-'));
    const path = join(dir, 'huge.json');
    const padding = 'x'.repeat(1024 * 1024);
    const chunks = Array.from({ length: 50 }, (_, i) => `"x-pad-${i}": "${padding}"`);
    await writeFile(path, `{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {}, ${chunks.join(', ')}}`);
    const error = await failure(path);
    expect(error.message).toMatch(/huge\.json: document too large: 50\.0 MB, the limit is 32\.0 MB$/);
  });

  it('bounds the size of all referenced documents together', async () => {
    dir ??= await mkdtemp(join(tmpdir(), 'sentinel-spec-'));
    const part = `Ok:\n  description: "${'x'.repeat(900)}"\n`;
    const refs = Array.from({ length: 6 }, (_, i) => `        "20${i}": {$ref: "part${i}.yaml#/Ok"}`).join('\n');
    for (let i = 0; i < 6; i++) await writeFile(join(dir, `part${i}.yaml`), part);
    await writeFile(join(dir, 'root.yaml'), `openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      responses:\n${refs}\n`);
    const error = await failure(join(dir, 'root.yaml'), { maxBytes: 1000 });
    expect(error.message).toMatch(/root\.yaml:\d+: \/paths\/~1a\/get\/responses\/20\d: referenced documents exceed 4x the size limit together$/);
  });

  it('honours a smaller configured size limit', async () => {
    const error = await failure('test/fixtures/specs/valid/openapi-30.yaml', { maxBytes: 100 });
    expect(error.message).toMatch(/openapi-30\.yaml: document too large: \d+ bytes, the limit is 100 bytes$/);
  });

  it('names a missing file', async () => {
    const error = await failure('test/fixtures/specs/nope.yaml');
    expect(error.message).toBe('test/fixtures/specs/nope.yaml: cannot read file: no such file');
  });

  it('names a directory given as a description', async () => {
    const error = await failure(DIR);
    expect(error.message).toBe(`${DIR}: cannot read file: it is a directory`);
  });

  it('refuses broken text on stdin under the name <stdin>', async () => {
    const error = await failure('-', { stdin: '{"openapi": "3.0.3",' });
    expect(error.message).toBe('<stdin>:1: invalid JSON: unexpected end of input (truncated?)');
  });
});
