// Resolving `$ref`s in place: internal ones, other local files and URLs. Each reference is replaced by
// its target object itself, so a component used a thousand times is one JS object (schema conversion is
// memoized on that identity) and recursive schemas become real cycles (turned back into `$ref`s to
// `schemaDefs` by schema-convert.ts). A chain of references that only points at itself is an error.
// Our own resolver rather than json-schema-ref-parser's: it is a single pass over the recorded `$ref`
// sites, which keeps loading GitHub's 13 MB description well within 2x a bare dereference.
import { isAbsolute, relative, resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SpecError } from '../core/errors.js';
import type { LoadLimits } from './limits.js';
import { dataRefRefused, isDataValue, refInData } from './data-refs.js';
import { parseText } from './parse.js';
import { CLI_POLICY, type RefPolicy } from './ref-policy.js';
import { type Doc, isRef, Resolver, type RefSite, siteError } from './ref-targets.js';
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

export async function resolveRefs(root: Obj, source: SourceText, limits: LoadLimits, policy: RefPolicy = CLI_POLICY): Promise<ResolvedDocument> {
  const fromUrl = isUrl(source.location);
  const localFiles = policy.allowLocalRefs && !fromUrl;
  const rootUrl = fromUrl ? source.location : pathToFileURL(resolvePath(source.location)).href;
  const docs = new Map<string, Doc>([[rootUrl, { url: rootUrl, name: source.name, root, text: source.text }]]);
  const sites: RefSite[] = [];
  const pending = [rootUrl];
  const budget = { bytes: limits.maxBytes * TOTAL_SIZE_FACTOR - source.text.length };
  // Phase 1: record every `$ref` site and load every document they name (breadth-first).
  while (pending.length > 0) {
    const url = pending.shift()!;
    const doc = docs.get(url)!;
    for (const site of collectRefSites(doc.root, url, docs)) {
      sites.push(site);
      const target = documentUrl(site, docs);
      if (docs.has(target)) continue;
      if (docs.size >= MAX_DOCUMENTS) throw siteError(site, docs, `more than ${MAX_DOCUMENTS} documents referenced`);
      const loaded = await loadDocument(target, site, docs, source, limits, policy, localFiles);
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

function collectRefSites(root: unknown, base: string, docs: Map<string, Doc>): RefSite[] {
  const sites: RefSite[] = [];
  // Each entry carries the two keys above it: they tell an `example` payload from a property named "example".
  const stack: [unknown, string | number | undefined, string | number | undefined][] = [[root, undefined, undefined]];
  while (stack.length > 0) {
    const [node, under, above] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((value, index) => [index, value]) : Object.entries(node);
    for (const [key, value] of entries) {
      if (value === null || typeof value !== 'object') continue;
      if (isDataValue(key, value, under, above)) {
        const ref = refInData(value);
        if (ref !== undefined) throw siteError({ holder: node as Obj, key, ref, base }, docs, dataRefRefused(key, ref.$ref));
        continue;
      }
      if (isRef(value)) sites.push({ holder: node as Obj, key, ref: value, base });
      else stack.push([value, key, under]);
    }
  }
  return sites;
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
  url: string, site: RefSite, docs: Map<string, Doc>, source: SourceText, limits: LoadLimits, policy: RefPolicy, localFiles: boolean,
): Promise<{ doc: Doc; size: number }> {
  if (isUrl(url)) {
    const { location, bytes } = await fetchUrl(url, limits, policy);
    const text = decodeText(bytes, location);
    return { doc: { url, name: location, root: documentRoot(parseText(text, location, limits), site, docs, location), text }, size: bytes.length };
  }
  if (!url.startsWith('file:')) throw siteError(site, docs, `unsupported $ref scheme in "${site.ref.$ref}"`);
  // A description fetched from the network (or given as text to a server) may not read this machine's files.
  if (!localFiles) {
    const what = isUrl(source.location) ? 'a remote description' : 'this description (local files are not allowed for it)';
    throw siteError(site, docs, `$ref to a local file from ${what} refused: "${site.ref.$ref}"`);
  }
  const path = fileURLToPath(url);
  const name = isAbsolute(source.location) ? path : relative(process.cwd(), path) || path;
  let bytes: Uint8Array;
  try {
    bytes = await readFileBounded(path, limits.maxBytes, true);
  } catch (error) {
    if (error instanceof SpecError && /no such file/.test(error.reason)) throw siteError(site, docs, `$ref target file not found: ${name} (from "${site.ref.$ref}")`);
    // Said where the `$ref` is, which is what the user edits.
    if (error instanceof SpecError) throw siteError(site, docs, `$ref target ${name}: ${error.reason}`);
    throw error;
  }
  const text = decodeText(bytes, name);
  return { doc: { url, name, root: documentRoot(parseText(text, name, limits), site, docs, name), text }, size: bytes.length };
}

/** A referenced document must be a JSON or YAML mapping or list: plain text would become a value. */
function documentRoot(root: unknown, site: RefSite, docs: Map<string, Doc>, name: string): unknown {
  if (root !== null && typeof root === 'object') return root;
  throw siteError(site, docs, `$ref target ${name} is not a JSON or YAML document (it reads as a single ${root === null ? 'null' : typeof root}): "${site.ref.$ref}"`);
}

