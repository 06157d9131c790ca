// The web UI: the static files Vite built (dist/web), served at `/`, with the single-page app's
// index.html for every other GET that is not an API path, so a reloaded or shared deep link opens.
import { existsSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where `npm run build` puts the UI: beside the compiled gateway, in dist/web. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../web/', import.meta.url));

const NOT_THE_UI = /^\/(api|openapi\.json|docs|health|ready)(\/|$)/;

export function hasWebUi(root: string): boolean {
  return existsSync(join(root, 'index.html'));
}

export async function serveWebUi(app: FastifyInstance, root: string, notFound: (url: string) => never): Promise<void> {
  await app.register(fastifyStatic, { root, serve: false });
  app.get('/*', { config: { access: 'public', rateLimit: false }, schema: { hide: true } }, async (request, reply) => {
    const path = decodedPath(request.url);
    if (NOT_THE_UI.test(path)) return notFound(path);
    const relative = normalize(path).replace(/^(\.\.(\/|\\|$))+/, '').replace(/^\/+/, '');
    if (relative !== '' && isFile(join(root, relative))) {
      // Vite names built assets by content hash: they never change under the same name.
      const immutable = relative.startsWith('assets/');
      return reply.sendFile(relative, { immutable, maxAge: immutable ? 31_536_000_000 : 0 });
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
  });
}

function decodedPath(url: string): string {
  const raw = url.split('?')[0]!;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
