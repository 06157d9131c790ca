// Prints the JavaScript a first visit of one page downloads (the entry, the page's chunk and everything
// they import statically), gzip-compressed, against a budget.
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

interface ChunkInfo {
  code: string;
  imports: string[];
  isEntry: boolean;
  facadeModuleId: string | null;
}

export function bundleSize(options: { page: string; budgetBytes: number }): Plugin {
  return {
    name: 'sentinel-bundle-size',
    apply: 'build',
    generateBundle(_output, bundle) {
      const chunks = new Map<string, ChunkInfo>();
      for (const [fileName, item] of Object.entries(bundle)) if (item.type === 'chunk') chunks.set(fileName, item);
      const roots = [...chunks].filter(([, chunk]) => chunk.isEntry || chunk.facadeModuleId?.replaceAll('\\', '/').endsWith(options.page)).map(([name]) => name);
      const loaded = new Set<string>();
      const visit = (name: string) => {
        if (loaded.has(name) || !chunks.has(name)) return;
        loaded.add(name);
        for (const dependency of chunks.get(name)!.imports) visit(dependency);
      };
      roots.forEach(visit);
      const bytes = [...loaded].reduce((sum, name) => sum + gzipSync(chunks.get(name)!.code).length, 0);
      const verdict = bytes <= options.budgetBytes ? 'within' : 'OVER';
      process.stdout.write(`first load of ${options.page}: ${(bytes / 1024).toFixed(1)} KB of JavaScript gzip-compressed in ${loaded.size} files (${verdict} the budget of ${options.budgetBytes / 1024} KB)\n`);
    },
  };
}
