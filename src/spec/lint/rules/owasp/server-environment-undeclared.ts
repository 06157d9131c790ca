// Knowing which server is production, staging or a test sandbox is the base of API inventory.
import type { DocumentRule } from '../../types.js';
import { serverPointer } from '../../pointer.js';

export const serverEnvironmentUndeclared: DocumentRule = {
  id: 'owasp-server-environment-undeclared',
  set: 'owasp',
  severity: 'info',
  owasp: 'API9:2023 Improper Inventory Management',
  given: 'document',
  description: 'Each server says which environment it is (production, staging...).',
  fix: 'Add a `description` to each server naming its environment (e.g. "Production", "Sandbox").',
  check(model) {
    // Swagger 2 has a single, undescribable server: nothing to ask for there.
    if (model.dialect === 'swagger-2.0') return [];
    return model.servers
      .map((server, index) => ({ server, index }))
      .filter(({ server }) => server.description === undefined || server.description.trim() === '')
      .map(({ server, index }) => ({ pointer: serverPointer(model, index), message: `Server ${server.url} has no description naming its environment.` }));
  },
};
