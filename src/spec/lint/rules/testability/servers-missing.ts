// Without an absolute server URL every run needs `--base-url`, and the description cannot be tried as is.
import type { DocumentRule } from '../../types.js';

function isAbsolute(url: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(url);
}

export const serversMissing: DocumentRule = {
  id: 'servers-missing',
  set: 'testability',
  severity: 'warn',
  given: 'document',
  description: 'The description names at least one absolute server URL.',
  fix: 'Add `servers` with the absolute URL of each environment (Swagger 2: `host`, `schemes` and `basePath`).',
  check(model) {
    if (model.servers.some((server) => isAbsolute(server.url))) return [];
    const pointer = model.dialect === 'swagger-2.0' ? '/host' : '/servers';
    const message = model.servers.length === 0
      ? 'The description declares no servers.'
      : `The description declares no absolute server URL (only ${model.servers.map((server) => server.url).join(', ')}).`;
    return [{ pointer, message }];
  },
};
