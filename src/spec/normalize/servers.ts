// Servers: OpenAPI 3 server objects with variables substituted; Swagger 2 schemes + host + basePath.
import type { Server } from '../model.js';
import { asArray, asObj, isObj, optionalString, stringList, type NormalizeContext, type Obj, warn } from './context.js';

/** `base` is the description's own URL when it came from the network (relative servers resolve to it). */
export function openApiServers(list: unknown, pointer: string, ctx: NormalizeContext, base?: string): Server[] {
  const servers = asArray(list).filter(isObj).map((server, index) => openApiServer(server, `${pointer}/${index}`, ctx, base));
  return servers.length > 0 ? servers : [{ url: base ? new URL('/', base).href.replace(/\/$/, '') || '/' : '/' }];
}

function openApiServer(server: Obj, pointer: string, ctx: NormalizeContext, base?: string): Server {
  const variables: NonNullable<Server['variables']> = {};
  for (const [name, variable] of Object.entries(asObj(server.variables))) {
    const v = asObj(variable);
    const enumValues = stringList(v.enum);
    const fallback = enumValues[0] ?? '';
    if (typeof v.default !== 'string' && typeof v.default !== 'number') {
      warn(ctx, 'server-variable-without-default', `server variable "${name}" has no default; using "${fallback}"`, `${pointer}/variables/${name}`);
    }
    variables[name] = {
      default: v.default === undefined ? fallback : String(v.default),
      ...(enumValues.length > 0 ? { enum: enumValues } : {}),
      ...(optionalString(v.description) ? { description: v.description as string } : {}),
    };
  }
  const template = optionalString(server.url) ?? '/';
  let url = template.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const variable = variables[name];
    if (variable) return variable.default;
    warn(ctx, 'undefined-server-variable', `server URL uses {${name}} but no such variable is defined`, `${pointer}/url`);
    return whole;
  });
  if (base && !/^[a-z][a-z0-9+.-]*:/i.test(url)) url = new URL(url, base).href;
  return {
    url,
    ...(optionalString(server.description) ? { description: server.description as string } : {}),
    ...(Object.keys(variables).length > 0 ? { variables } : {}),
  };
}

/** Swagger 2 has no servers: one per scheme from host + basePath (a relative URL when host is absent). */
export function swaggerServers(doc: Obj, base?: string): Server[] {
  const basePath = optionalString(doc.basePath) ?? '';
  const fromBase = base ? new URL(base) : undefined;
  const host = optionalString(doc.host) ?? fromBase?.host;
  const schemes = stringList(doc.schemes);
  if (host === undefined) return [{ url: basePath === '' ? '/' : basePath }];
  const effective = schemes.length > 0 ? schemes : [fromBase ? fromBase.protocol.replace(':', '') : 'https'];
  return effective.map((scheme) => ({ url: `${scheme}://${host}${basePath === '/' ? '' : basePath}` }));
}
