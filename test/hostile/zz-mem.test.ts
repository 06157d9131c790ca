import { gzipSync } from 'node:zlib';
import { it, expect } from 'vitest';
import { httpServer, sentinel, runArgs, workDir, writeSpec } from './http-harness.js';
it('measures', async () => {
  const dir = workDir();
  const spec = writeSpec(dir, 3);
  const big = Buffer.alloc(1 << 20, 'a');
  const small = await httpServer((_q, r) => { r.writeHead(200, { 'content-type': 'application/json' }); r.end('{}'); });
  const huge = await httpServer((_q, r) => { r.writeHead(200, { 'content-type': 'application/json' }); let n = 0; const w = () => { while (n < 200 && r.write(big)) n++; if (n >= 200) r.end(); else { n++; r.once('drain', w); } }; w(); });
  const inner = gzipSync(Buffer.alloc(500 << 20, 0)); const bomb = gzipSync(inner);
  console.log('bomb', bomb.length, inner.length);
  const gz = await httpServer((_q, r) => { r.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip, gzip' }); r.end(bomb); });
  const gz1 = await httpServer((_q, r) => { r.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }); r.end(inner); });
  const deep = await httpServer((_q, r) => { r.writeHead(200, { 'content-type': 'application/json' }); r.end('['.repeat(150000) + ']'.repeat(150000)); });
  for (const [name, s] of Object.entries({ small, huge, gz, gz1, deep })) {
    const run = await sentinel(['run', spec, '--base-url', s.url, '--seed', '1', '--report', 'json=' + dir + '/r.json']);
    console.log(name, run.code, Math.round(run.ms), 'ms', run.peakMb.toFixed(0), 'MB', run.stderr.slice(-300));
  }
}, 300000);
