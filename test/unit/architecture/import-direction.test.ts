// The folders of src/ form layers; an import may go down or sideways, never up, and agents and execution
// (the planners and the executor) never import each other. The README's Architecture section states the
// same table; folders planned but not built yet are in it already so they land in the right place.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../../src');

/** Top to bottom. */
const LAYERS: string[][] = [
  ['cli', 'gateway', 'web'],
  ['orchestration', 'perf', 'data', 'auth', 'broker'],
  ['agents', 'execution', 'report', 'sandbox'],
  ['spec'],
  ['core'],
];
const NEVER_EACH_OTHER: [string, string][] = [['agents', 'execution']];

const layerOf = new Map(LAYERS.flatMap((folders, index) => folders.map((folder) => [folder, index] as const)));

interface Import {
  /** Paths relative to src/, e.g. `agents/positive.ts` → `core/test-case.ts`. */
  from: string;
  to: string;
}

/** What is wrong with one import, or undefined when it follows the layering. */
function violation({ from, to }: Import): string | undefined {
  const source = from.split('/')[0]!;
  const target = to.split('/')[0]!;
  if (!from.includes('/')) return `${from} sits at the root of src/: put it in one of the layered folders`;
  if (!layerOf.has(source)) return `src/${source}/ is not in the layer table of this test and the README`;
  if (!to.includes('/') || !layerOf.has(target)) return `${from} imports ${to}, outside the layered folders`;
  if (source === target) return undefined;
  if (layerOf.get(target)! < layerOf.get(source)!) return `${from} imports ${to}: ${source} must not import ${target}, a folder above it`;
  for (const [a, b] of NEVER_EACH_OTHER) {
    if ((source === a && target === b) || (source === b && target === a)) return `${from} imports ${to}: ${a} and ${b} never import each other`;
  }
  return undefined;
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]+)\1/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const from = relative(SRC, file);
  return [...text.matchAll(IMPORT)].map((match) => ({ from, to: relative(SRC, resolve(dirname(file), match[2]!)).replace(/\.js$/, '.ts') }));
}

describe('import direction between the folders of src/', () => {
  it('the rule rejects an import going up, agents and execution importing each other, and unknown folders', () => {
    expect(violation({ from: 'agents/positive.ts', to: 'core/test-case.ts' })).toBeUndefined();
    expect(violation({ from: 'orchestration/run.ts', to: 'agents/agent.ts' })).toBeUndefined();
    expect(violation({ from: 'report/json.ts', to: 'execution/redaction/redact.ts' })).toBeUndefined();
    expect(violation({ from: 'core/finding.ts', to: 'spec/model.ts' })).toMatch(/core must not import spec/);
    expect(violation({ from: 'execution/run/findings.ts', to: 'report/curl.ts' })).toBeUndefined();
    expect(violation({ from: 'report/json.ts', to: 'orchestration/run.ts' })).toMatch(/folder above it/);
    expect(violation({ from: 'execution/checks/bola.ts', to: 'agents/roles.ts' })).toMatch(/never import each other/);
    expect(violation({ from: 'agents/stateful/location-id.ts', to: 'execution/prepare.ts' })).toMatch(/never import each other/);
    expect(violation({ from: 'misc/helper.ts', to: 'core/errors.ts' })).toMatch(/not in the layer table/);
    expect(violation({ from: 'errors.ts', to: 'core/errors.ts' })).toMatch(/root of src/);
  });

  it('finds imports in the forms the code uses', () => {
    const text = `import type { A } from '../core/a.js';\nimport { b } from "./b.js";\nexport { c } from '../spec/c.js';\nconst d = await import('../agents/d.js');\nimport '../cli/side-effect.js';\nimport { e } from 'node:fs';`;
    expect([...text.matchAll(IMPORT)].map((match) => match[2])).toEqual(['../core/a.js', './b.js', '../spec/c.js', '../agents/d.js', '../cli/side-effect.js']);
  });

  it('every import in src/ follows the layering', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(100);
    const problems = files.flatMap(importsOf).map(violation).filter((problem): problem is string => problem !== undefined);
    expect(problems).toEqual([]);
  });
});
