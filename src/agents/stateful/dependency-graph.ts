// The operation dependency graph: which response value feeds which parameter of which operation. Three
// sources: OpenAPI links, inference from names and schemas (resources, `itemId` body fields), and
// declared `Location` headers (read through a pattern over the consumer's path).
import type { ApiModel, Operation } from '../../spec/model.js';
import { givesBareValue, pathParameterSource } from './location-id.js';
import { normalizeName, referencedResource } from './naming.js';
import { inferResources, type Resource } from './resources.js';
import { jsonBody, objectFields, successResponses } from './schema-fields.js';

export interface DependencyTarget {
  in: 'path' | 'query' | 'header' | 'cookie' | 'body';
  /** Parameter name, or a JSON pointer into the body (`/itemId`). */
  name: string;
}

export interface DependencyEdge {
  /** Operation key whose response provides the value. */
  producer: string;
  consumer: string;
  /** Runtime expression read from the producer's response: `$response.body#/id`. */
  value: string;
  target: DependencyTarget;
  source: 'link' | 'inferred' | 'location';
}

export interface DependencyGraph {
  resources: Resource[];
  edges: DependencyEdge[];
}

export function buildDependencyGraph(model: ApiModel, operations: Operation[]): DependencyGraph {
  const resources = inferResources(model, operations);
  const edges = [...linkEdges(operations), ...resourceEdges(operations, resources), ...referenceEdges(model, operations, resources)];
  return { resources, edges: dedupe(edges) };
}

/** Edges into `operation`, first source first (links win over inference). */
export function edgesInto(graph: DependencyGraph, operation: Operation, target: DependencyTarget): DependencyEdge[] {
  return graph.edges.filter((e) => e.consumer === operation.key && e.target.in === target.in && e.target.name === target.name);
}

function linkEdges(operations: Operation[]): DependencyEdge[] {
  const byId = new Map(operations.flatMap((op) => (op.operationId ? [[op.operationId, op] as const] : [])));
  const edges: DependencyEdge[] = [];
  for (const producer of operations) {
    for (const response of successResponses(producer)) {
      for (const link of response.links) {
        const consumer = link.operationId !== undefined ? byId.get(link.operationId) : byRef(operations, link.operationRef);
        if (consumer === undefined) continue;
        for (const [name, expression] of Object.entries(link.parameters)) {
          if (typeof expression !== 'string' || !expression.startsWith('$response.')) continue;
          const target = linkTarget(consumer, name);
          if (target === undefined) continue;
          const value = target.in === 'path' ? pathParameterSource(expression, consumer.path, target.name) : expression;
          edges.push({ producer: producer.key, consumer: consumer.key, value, target, source: 'link' });
        }
      }
    }
  }
  return edges;
}

/** A link parameter is `name` or `in.name` (`path.id`), as OpenAPI allows when names are ambiguous. */
function linkTarget(consumer: Operation, name: string): DependencyTarget | undefined {
  const qualified = /^(path|query|header|cookie)\.(.+)$/.exec(name);
  const parameter = qualified
    ? consumer.parameters.find((p) => p.in === qualified[1] && p.name === qualified[2])
    : consumer.parameters.find((p) => p.name === name);
  return parameter === undefined ? undefined : { in: parameter.in, name: parameter.name };
}

function byRef(operations: Operation[], operationRef: string | undefined): Operation | undefined {
  if (operationRef === undefined) return undefined;
  const pointer = operationRef.slice(operationRef.indexOf('#') + 1);
  return operations.find((op) => op.pointer === pointer);
}

/** A created resource's identifier feeds every operation on its items and on its children's paths. */
function resourceEdges(operations: Operation[], resources: Resource[]): DependencyEdge[] {
  const edges: DependencyEdge[] = [];
  for (const resource of resources) {
    if (resource.create === undefined || resource.idSource === undefined) continue;
    for (const consumer of operations) {
      const under = consumer.path === resource.itemPath || consumer.path.startsWith(`${resource.itemPath}/`);
      if (!under || !consumer.parameters.some((p) => p.in === 'path' && p.name === resource.idParam)) continue;
      edges.push({
        producer: resource.create.key,
        consumer: consumer.key,
        value: resource.idSource,
        target: { in: 'path', name: resource.idParam },
        source: resource.idSourceKind === 'link' ? 'link' : resource.idSourceKind === 'location' ? 'location' : 'inferred',
      });
    }
  }
  return edges;
}

/** `POST /orders` with an `itemId` body field (or query parameter) ← the identifier of a created item. */
function referenceEdges(model: ApiModel, operations: Operation[], resources: Resource[]): DependencyEdge[] {
  const edges: DependencyEdge[] = [];
  const creatorOf = (field: string) => {
    const wanted = referencedResource(field);
    if (wanted === undefined) return undefined;
    return resources.find((r) => normalizeName(r.name) === wanted && r.create !== undefined && r.idSource !== undefined && givesBareValue(r.idSource));
  };
  for (const consumer of operations) {
    const candidates = [
      ...objectFields(model, jsonBody(consumer)?.schema).map((f) => ({ field: f.name, target: { in: 'body' as const, name: f.pointer } })),
      ...consumer.parameters.filter((p) => p.in === 'query').map((p) => ({ field: p.name, target: { in: 'query' as const, name: p.name } })),
    ];
    for (const { field, target } of candidates) {
      const resource = creatorOf(field);
      if (resource === undefined || resource.create === consumer) continue;
      edges.push({ producer: resource.create!.key, consumer: consumer.key, value: resource.idSource!, target, source: 'inferred' });
    }
  }
  return edges;
}

function dedupe(edges: DependencyEdge[]): DependencyEdge[] {
  const seen = new Set<string>();
  return edges.filter((e) => {
    const key = `${e.consumer} ${e.target.in}:${e.target.name}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
