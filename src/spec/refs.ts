// Resolving `$ref`s in place: internal ones, other local files and URLs. Each reference is replaced by
// its target object itself, so a component used a thousand times is one JS object (schema conversion is
// memoized on that identity) and recursive schemas become real cycles (turned back into `$ref`s to
// `schemaDefs` by schema-convert.ts). A chain of references that only points at itself is an error.
// Our own resolver rather than json-schema-ref-parser's: it is a single pass over the recorded `$ref`
// sites, which keeps loading GitHub's 13 MB description well within 2x a bare dereference.
import { isAbsolute, relative, resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SpecError } from '../errors.js';
import type { LoadLimits } from './limits.js';
import { parseText } from './parse.js';
import { findObject, splitPointer } from './pointer.js';
import { fetchUrl, isUrl, readFileBounded, type SourceText } from './sources.js';
import { decodeText } from './text.js';

type Obj = Record<string, unknown>;

export interface ResolvedDocument {
  root: Obj;
  /** Name of each `$ref` target (last pointer token), used as its key in `schemaDefs`. */
  refNames: WeakMap<object, string>;
}

/** Documents one description may pull in through `$ref`s. */
const MAX_DOCUMENTS = 200;
/** All referenced documents together may be this many times the per-document size limit. */
const TOTAL_SIZE_FACTOR = 4;

interface RefSite {
  holder: Obj | unknown[];
  key: string | number;
  ref: Obj & { $ref: string };
  /** Absolute URL of the document the site is in (file: or http(s):). */
  base: string;
}

interface Doc {
  url: string;
  name: string;
  root: unknown;
}

export async function resolveRefs(root: Obj, source: SourceText, limits: LoadLimits): Promise<ResolvedDocument> {
  const fromUrl = isUrl(source.location);
  const rootUrl = fromUrl ? source.location : pathToFileURL(resolvePath(source.location)).href;
  const docs = new Map<string, Doc>([[rootUrl, { url: rootUrl, name: source.name, root }]]);
  const sites: RefSite[] = [];
  const pending = [rootUrl];
  const budget = { bytes: limits.maxBytes * TOTAL_SIZE_FACTOR - source.text.length };
  // Phase 1: record every `$ref` site and load every document they name (breadth-first).
  while (pending.length > 0) {
    const url = pending.shift()!;
    const doc = docs.get(url)!;
    for (const site of collectRefSites(doc.root, url)) {
      sites.push(site);
      const target = documentUrl(site, docs);
      if (docs.has(target)) continue;
      if (docs.size >= MAX_DOCUMENTS) throw siteError(site, docs, `more than ${MAX_DOCUMENTS} documents referenced`);
      const loaded = await loadDocument(target, site, docs, source, limits, fromUrl);
      budget.bytes -= loaded.size;
      if (budget.bytes < 0) throw siteError(site, docs, `referenced documents exceed ${TOTAL_SIZE_FACTOR}x the size limit together`);
      docs.set(target, loaded.doc);
      pending.push(target);
    }
  }
  // Phase 2: replace every site by its target.
  const resolver = new Resolver(docs);
  for (const site of sites) (site.holder as Obj)[site.key as string] = resolver.resolve(site);
  resolver.repairMergedCopies();
  return { root: docs.get(rootUrl)!.root as Obj, refNames: resolver.refNames };
}

function collectRefSites(root: unknown, base: string): RefSite[] {
  const sites: RefSite[] = [];
  // Each entry carries the key it sits under, to tell an `example` payload from a property named "example".
  const stack: [unknown, string | number | undefined][] = [[root, undefined]];
  while (stack.length > 0) {
    const [node, under] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((value, index) => [index, value]) : Object.entries(node);
    for (const [key, value] of entries) {
      if (value === null || typeof value !== 'object') continue;
      // Example payloads are data: a "$ref" key there is not a reference.
      if (key === 'example' && under !== 'properties') continue;
      if (isRef(value)) sites.push({ holder: node as Obj, key, ref: value, base });
      else stack.push([value, key]);
    }
  }
  return sites;
}

function isRef(value: unknown): value is Obj & { $ref: string } {
  return value !== null && typeof value === 'object' && typeof (value as Obj).$ref === 'string';
}

function documentUrl(site: RefSite, docs: Map<string, Doc>): string {
  try {
    const url = new URL(site.ref.$ref, site.base);
    url.hash = '';
    return url.href;
  } catch {
    throw siteError(site, docs, `invalid $ref "${site.ref.$ref}"`);
  }
}

async function loadDocument(
  url: string, site: RefSite, docs: Map<string, Doc>, source: SourceText, limits: LoadLimits, fromUrl: boolean,
): Promise<{ doc: Doc; size: number }> {
  if (isUrl(url)) {
    const { location, bytes } = await fetchUrl(url, limits);
    return { doc: { url, name: location, root: parseText(decodeText(bytes, location), location, limits) }, size: bytes.length };
  }
  if (!url.startsWith('file:')) throw siteError(site, docs, `unsupported $ref scheme in "${site.ref.$ref}"`);
  // A description fetched from the network may not read this machine's files.
  if (fromUrl) throw siteError(site, docs, `$ref to a local file from a remote description refused: "${site.ref.$ref}"`);
  const path = fileURLToPath(url);
  const name = isAbsolute(source.location) ? path : relative(process.cwd(), path) || path;
  let bytes: Uint8Array;
  try {
    bytes = await readFileBounded(path, limits.maxBytes);
  } catch (error) {
    if (error instanceof SpecError && /no such file/.test(error.reason)) throw siteError(site, docs, `$ref target file not found: ${name} (from "${site.ref.$ref}")`);
    throw error;
  }
  return { doc: { url, name, root: parseText(decodeText(bytes, name), name, limits) }, size: bytes.length };
}

function siteError(site: RefSite, docs: Map<string, Doc>, reason: string): SpecError {
  const doc = docs.get(site.base);
  return new SpecError(doc?.name ?? site.base, reason, doc ? findObject(doc.root, site.ref) : undefined);
}

class Resolver {
  readonly refNames = new WeakMap<object, string>();
  private readonly targets = new Map<string, unknown>();
  private readonly resolved = new Map<object, unknown>();
  private readonly merged: Obj[] = [];
  private readonly chain: string[] = [];

  constructor(private readonly docs: Map<string, Doc>) {}

  resolve(site: RefSite): unknown {
    const done = this.resolved.get(site.ref);
    if (done !== undefined) return done;
    const url = new URL(site.ref.$ref, site.base);
    let pointer: string;
    try {
      pointer = decodeURIComponent(url.hash.slice(1));
    } catch {
      throw siteError(site, this.docs, `invalid $ref "${site.ref.$ref}": bad percent-encoding`);
    }
    url.hash = '';
    let target = this.target(url.href, pointer, site);
    // OpenAPI 3.1 allows keywords beside `$ref` (a description, say): they apply on top of the target.
    const siblings = Object.keys(site.ref).filter((key) => key !== '$ref');
    if (siblings.length > 0 && target !== null && typeof target === 'object' && !Array.isArray(target)) {
      const copy: Obj = { ...(target as Obj) };
      for (const key of siblings) copy[key] = site.ref[key];
      this.merged.push(copy);
      target = copy;
    }
    this.resolved.set(site.ref, target);
    return target;
  }

  /** Shallow copies made for sibling keywords may still hold unresolved `$ref` objects at top level. */
  repairMergedCopies(): void {
    for (const copy of this.merged) {
      for (const [key, value] of Object.entries(copy)) {
        if (isRef(value) && this.resolved.has(value)) copy[key] = this.resolved.get(value);
      }
    }
  }

  private target(docUrl: string, pointer: string, site: RefSite): unknown {
    const key = `${docUrl}#${pointer}`;
    if (this.targets.has(key)) return this.targets.get(key);
    const doc = this.docs.get(docUrl)!;
    if (this.chain.includes(key)) {
      const loop = [...this.chain.slice(this.chain.indexOf(key)), key].map((entry) => this.display(entry)).join(' -> ');
      throw siteError(site, this.docs, `circular $ref chain that never reaches a value: ${loop}`);
    }
    this.chain.push(key);
    let node: unknown = doc.root;
    for (const token of splitPointer(pointer)) {
      node = this.follow(node, docUrl, site);
      const next = node !== null && typeof node === 'object' ? (node as Obj)[token] : undefined;
      if (next === undefined) {
        throw siteError(site, this.docs, `$ref target not found: "${site.ref.$ref}" (${doc.name} has no "${token}" at #${pointer})`);
      }
      node = next;
    }
    node = this.follow(node, docUrl, site);
    this.chain.pop();
    this.targets.set(key, node);
    if (node !== null && typeof node === 'object' && !this.refNames.has(node)) {
      const last = splitPointer(pointer).pop();
      this.refNames.set(node, last ?? doc.name.split('/').pop() ?? 'ref');
    }
    return node;
  }

  /** A `$ref` met on the way to (or as) a target is followed: references may point at references. */
  private follow(node: unknown, docUrl: string, from: RefSite): unknown {
    if (!isRef(node)) return node;
    const done = this.resolved.get(node);
    if (done !== undefined) return done;
    return this.resolve({ holder: from.holder, key: from.key, ref: node, base: docUrl });
  }

  private display(key: string): string {
    const [url, pointer] = key.split('#') as [string, string];
    return `${this.docs.get(url)?.name ?? url}#${pointer}`;
  }
}
