// Matches a request path against the description's path templates. A path that exists with other
// methods yields the methods it does allow, for a 405 with an Allow header.

/** @typedef {import('./spec.mjs').OperationRule} OperationRule */

/**
 * @param {string[]} templateSegments
 * @param {string[]} segments raw (still percent-encoded) segments of the request path
 * @returns {{ params: Record<string, string>, literals: number } | undefined}
 */
function matchSegments(templateSegments, segments) {
  if (templateSegments.length !== segments.length) return undefined;
  /** @type {Record<string, string>} */
  const params = {};
  let literals = 0;
  for (let index = 0; index < segments.length; index += 1) {
    const template = templateSegments[index];
    const segment = segments[index];
    const variable = /^\{(.+)\}$/.exec(template);
    if (variable) {
      if (segment === '') return undefined;
      try {
        params[variable[1]] = decodeURIComponent(segment);
      } catch {
        params[variable[1]] = segment;
      }
    } else if (template === segment) {
      literals += 1;
    } else {
      return undefined;
    }
  }
  return { params, literals };
}

/**
 * @param {OperationRule[]} operations
 * @param {string} method upper-case
 * @param {string} pathname
 * @returns {{ kind: 'found', operation: OperationRule, params: Record<string, string> }
 *   | { kind: 'method-not-allowed', allow: string[], path: string } | { kind: 'not-found' }}
 */
export function route(operations, method, pathname) {
  const segments = pathname.split('/').slice(1);
  // The most literal template wins: `/users/me` before `/users/{userId}`.
  let best;
  for (const operation of operations) {
    const match = matchSegments(operation.segments, segments);
    if (match && (!best || match.literals > best.match.literals)) best = { path: operation.path, match };
  }
  if (!best) return { kind: 'not-found' };
  const onPath = operations.filter((operation) => operation.path === best.path);
  const operation = onPath.find((candidate) => candidate.method === method);
  if (operation) return { kind: 'found', operation, params: best.match.params };
  return { kind: 'method-not-allowed', allow: onPath.map((candidate) => candidate.method), path: best.path };
}
