// Replacing recorded `$ref` sites by their targets: follows references to references, detects chains
// that loop without reaching a value, and applies keywords written beside a `$ref`.
import { SpecError } from '../core/errors.js';
import { createLocator } from './locate.js';
import { findObject, splitPointer } from '../core/json-pointer.js';

type Obj = Record<string, unknown>;

/** References followed one to the next before a value is reached. */
export const MAX_REF_CHAIN = 256;

export interface RefSite {
  holder: Obj | unknown[];
  key: string | number;
  ref: Obj & { $ref: string };
  /** Absolute URL of the document the site is in (file: or http(s):). */
  base: string;
}

export interface Doc {
  url: string;
  name: string;
  root: unknown;
  /** The document's text, to give line numbers in messages. */
  text: string;
}

export function isRef(value: unknown): value is Obj & { $ref: string } {
  return value !== null && typeof value === 'object' && typeof (value as Obj).$ref === 'string';
}

export function siteError(site: RefSite, docs: Map<string, Doc>, reason: string): SpecError {
  const doc = docs.get(site.base);
  const pointer = doc ? findObject(doc.root, site.ref) : undefined;
  const line = doc && pointer !== undefined ? createLocator(doc.text)(pointer) : undefined;
  return new SpecError(doc?.name ?? site.base, reason, pointer, line);
}

export class Resolver {
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
    // Each link is a few stack frames: a chain thousands of links long would overflow the stack.
    if (this.chain.length >= MAX_REF_CHAIN) throw siteError(site, this.docs, `$ref chain longer than ${MAX_REF_CHAIN} references (each pointing at the next), the limit`);
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
