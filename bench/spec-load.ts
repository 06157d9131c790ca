// Spec loading benchmark on GitHub's REST description (13 MB, 1,223 operations), in one process:
// the baseline is @readme/openapi-parser's bare dereference; Sentinel's figure is load + normalize + lint.
// Goal: (load + normalize + lint) / bare ≤ 2, peak RSS < 1 GB. Run: npx tsx bench/spec-load.ts [spec]
import { dereference } from '@readme/openapi-parser';
import { loadSpec } from '../src/spec/load.js';
import { lintModel } from '../src/spec/lint/index.js';
import { githubRestSpec } from '../test/support/real-specs.js';

const spec = process.argv[2] ?? githubRestSpec();
const ROUNDS = 5;

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 10);

async function timed<T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await run();
  const ms = performance.now() - start;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return { ms, value };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

// One warm-up of each so that neither side pays module loading and JIT warm-up alone.
await dereference(spec);
lintModel(await loadSpec(spec));

const bare: number[] = [];
const load: number[] = [];
const lint: number[] = [];
let operations = 0;
let findings = 0;
for (let round = 0; round < ROUNDS; round++) {
  bare.push((await timed(() => dereference(spec))).ms);
  const loaded = await timed(() => loadSpec(spec));
  load.push(loaded.ms);
  operations = loaded.value.operations.length;
  const linted = await timed(() => lintModel(loaded.value));
  lint.push(linted.ms);
  findings = linted.value.findings.length;
}
clearInterval(sampler);

const bareMs = median(bare);
const loadMs = median(load);
const lintMs = median(lint);
const ratio = (loadMs + lintMs) / bareMs;
const rssMb = peakRss / (1024 * 1024);
const row = (label: string, value: string): string => `  ${label.padEnd(44)} ${value}`;
console.log(`spec-load: ${spec} (${operations} operations, ${findings} lint findings), median of ${ROUNDS} rounds`);
console.log(row('bare dereference (@readme/openapi-parser)', `${bareMs.toFixed(0)} ms`));
console.log(row('Sentinel load + normalize', `${loadMs.toFixed(0)} ms`));
console.log(row('Sentinel lint', `${lintMs.toFixed(0)} ms`));
console.log(row('ratio (load + normalize + lint) / bare', `${ratio.toFixed(2)}x  (goal <= 2x) ${ratio <= 2 ? 'OK' : 'OVER'}`));
console.log(row('peak RSS', `${rssMb.toFixed(0)} MB  (goal < 1024 MB) ${rssMb < 1024 ? 'OK' : 'OVER'}`));
