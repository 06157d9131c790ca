// Resources inferred from paths, with no annotations: `/items` + `/items/{id}` is a collection and its
// items; `POST /items` creates one and its response says where the new identifier is.
import type { ApiModel, HttpMethod, Operation } from '../../spec/model.js';
import { identifierMatches, singular } from './naming.js';
import { locationIdSource, pathParameterSource } from './location-id.js';
import { fieldsWithWrapping, isIdentifierSchema, successResponses, successSchema } from './schema-fields.js';

export interface Resource {
  /** Singular name from the collection segment: `item`, `order`. */
  name: string;
  collectionPath: string;
  itemPath: string;
  /** The item path's last parameter: the resource's identifier. */
  idParam: string;
  /**
   * Where a create response carries the bare identifier: `$response.body#/id`, or a pattern over the item
   * path read from the Location header (`$response.header.Location#regex:/items/([^/?#]+)/?(?:[?#]|$)`).
   */
  idSource?: string;
  /** How `idSource` was found: an OpenAPI link, a matching response field, or a declared Location header. */
  idSourceKind?: 'link' | 'inferred' | 'location';
  create?: Operation;
  list?: Operation;
  read?: Operation;
  update?: Operation;
  remove?: Operation;
  /** Parameters of the collection path (the parents' identifiers), in path order. */
  parentParams: string[];
}

const ITEM_PATH = /^(.*)\/\{([^}/]+)\}$/;

export function inferResources(model: ApiModel, operations: Operation[]): Resource[] {
  const byPath = new Map<string, Operation[]>();
  for (const operation of operations) byPath.set(operation.path, [...(byPath.get(operation.path) ?? []), operation]);
  const find = (path: string, method: HttpMethod) => byPath.get(path)?.find((op) => op.method === method);

  const resources: Resource[] = [];
  for (const itemPath of byPath.keys()) {
    const match = ITEM_PATH.exec(itemPath);
    if (!match) continue;
    const collectionPath = match[1]!;
    const idParam = match[2]!;
    const segment = collectionPath.split('/').pop() ?? '';
    if (segment === '' || segment.startsWith('{')) continue;
    const resource: Resource = {
      name: singular(segment),
      collectionPath,
      itemPath,
      idParam,
      create: find(collectionPath, 'post'),
      list: find(collectionPath, 'get'),
      read: find(itemPath, 'get'),
      update: find(itemPath, 'put') ?? find(itemPath, 'patch'),
      remove: find(itemPath, 'delete'),
      parentParams: [...collectionPath.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!),
    };
    if (resource.create !== undefined) Object.assign(resource, identifierSource(model, resource, resource.create));
    resources.push(resource);
  }
  return resources;
}

/** Links first (the description says so), then a response field matching the parameter, then Location. */
function identifierSource(model: ApiModel, resource: Resource, create: Operation): Pick<Resource, 'idSource' | 'idSourceKind'> {
  const itemOperationIds = new Set([resource.read, resource.update, resource.remove].flatMap((op) => (op?.operationId ? [op.operationId] : [])));
  for (const response of successResponses(create)) {
    for (const link of response.links) {
      const targetsItem = (link.operationId !== undefined && itemOperationIds.has(link.operationId)) || linkRefTargets(link.operationRef, resource.itemPath);
      const expression = link.parameters[resource.idParam] ?? link.parameters[`path.${resource.idParam}`];
      if (targetsItem && typeof expression === 'string' && expression.startsWith('$response.')) {
        return { idSource: pathParameterSource(expression, resource.itemPath, resource.idParam), idSourceKind: 'link' };
      }
    }
  }
  const field = fieldsWithWrapping(model, successSchema(create)).find(
    (f) => identifierMatches(resource.idParam, f.name, resource.name) && isIdentifierSchema(f.schema),
  );
  if (field !== undefined) return { idSource: `$response.body#${field.pointer}`, idSourceKind: 'inferred' };
  const declaresLocation = successResponses(create).some((r) => Object.keys(r.headers).some((h) => h.toLowerCase() === 'location'));
  if (declaresLocation) return { idSource: locationIdSource(resource.itemPath, resource.idParam), idSourceKind: 'location' };
  return {};
}

function linkRefTargets(operationRef: string | undefined, itemPath: string): boolean {
  if (operationRef === undefined) return false;
  const encoded = itemPath.replace(/~/g, '~0').replace(/\//g, '~1');
  return operationRef.includes(`/paths/${encoded}/`);
}

/** The resource whose items live at `path` (the operation's own path or an ancestor of it). */
export function resourceForParam(resources: Resource[], path: string, param: string): Resource | undefined {
  return resources.find((r) => r.idParam === param && (path === r.itemPath || path.startsWith(`${r.itemPath}/`)));
}
