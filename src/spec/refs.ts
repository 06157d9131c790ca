// Resolving `$ref`s (internal, other local files, URLs) in place with json-schema-ref-parser.
// Circular references become real cycles between JS objects; schema conversion turns them back into
// `$ref`s to `schemaDefs`. Every external document goes through our own bounded readers and safe parser.
import { isAbsolute, relative, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import $RefParser, { type FileInfo, JSONParserError, MissingPointerError } from '@apidevtools/json-schema-ref-parser';
import { SpecError } from '../errors.js';
import type { LoadLimits } from './limits.js';
import { parseText } from './parse.js';
import { findRef } from './pointer.js';
import { fetchUrl, isUrl, readFileBounded, type SourceText } from './sources.js';
import { decodeText } from './text.js';

export interface ResolvedDocument {
  root: Record<string, unknown>;
  /** Name of each `$ref` target (last pointer token), used as its key in `schemaDefs`. */
  refNames: WeakMap<object, string>;
  /** Parsed external documents by location, to say where a broken `$ref` sits. */
  documents: Map<string, unknown>;
}

/** Whole-resolution time bound: a pathological graph ends with an error instead of a hang. */
const RESOLVE_TIMEOUT_MS = 60_000;

export async function resolveRefs(doc: Record<string, unknown>, source: SourceText, limits: LoadLimits): Promise<ResolvedDocument> {
  const refNames = new WeakMap<object, string>();
  const documents = new Map<string, unknown>([[source.location, doc]]);
  const fromUrl = isUrl(source.location);
  const base = fromUrl ? source.location : resolvePath(source.location);
  const display = (url: string): string => displayName(url, source);

  const parser = new $RefParser();
  try {
    await parser.dereference(base, doc, {
      continueOnError: false,
      timeoutMs: RESOLVE_TIMEOUT_MS,
      parse: {
        json: false,
        yaml: false,
        text: false,
        binary: false,
        sentinel: {
          order: 1,
          canParse: true,
          parse: (file: FileInfo) => {
            const value = parseText(String(file.data), display(file.url), limits);
            documents.set(file.url, value);
            return value;
          },
        },
      },
      resolve: {
        external: true,
        file: {
          order: 1,
          canRead: (file: FileInfo) => !isUrl(file.url),
          read: async (file: FileInfo) => {
            // A description fetched from the network may not read this machine's files.
            if (fromUrl) throw new SpecError(source.name, `$ref to a local file from a remote description refused: ${file.url}`);
            const path = file.url.startsWith('file:') ? fileURLToPath(file.url) : file.url;
            return decodeText(await readFileBounded(path, limits.maxBytes), display(file.url));
          },
        },
        http: {
          order: 2,
          canRead: (file: FileInfo) => isUrl(file.url),
          read: async (file: FileInfo) => {
            const { location, bytes } = await fetchUrl(file.url, limits);
            return decodeText(bytes, location);
          },
        },
      },
      dereference: {
        circular: true,
        onDereference: (ref: string, value: unknown) => {
          if (value !== null && typeof value === 'object' && !refNames.has(value)) refNames.set(value, refName(ref));
        },
      },
    });
  } catch (error) {
    throw toSpecError(error, source, documents, display);
  }
  return { root: parser.schema as Record<string, unknown>, refNames, documents };
}

function refName(ref: string): string {
  const hash = ref.indexOf('#');
  const pointer = hash === -1 ? '' : ref.slice(hash + 1);
  const last = pointer.split('/').pop() ?? '';
  const name = last !== '' ? last.replace(/~1/g, '/').replace(/~0/g, '~') : ref.slice(0, hash === -1 ? undefined : hash).split('/').pop() ?? 'ref';
  return decodeURIComponent(name);
}

function displayName(url: string, source: SourceText): string {
  if (isUrl(url)) return url;
  const path = url.startsWith('file:') ? fileURLToPath(url) : url;
  return isAbsolute(source.location) ? path : relative(process.cwd(), path) || path;
}

function toSpecError(error: unknown, source: SourceText, documents: Map<string, unknown>, display: (url: string) => string): SpecError {
  if (error instanceof SpecError) return error;
  const cause = (error as { cause?: unknown })?.cause;
  if (cause instanceof SpecError) return cause;
  if (error instanceof MissingPointerError) {
    const target = `${display(error.source ?? source.location)}#${error.message.match(/"#([^"]*)"/)?.[1] ?? ''}`;
    const where = locateMissingRef(error, documents);
    const file = where ? display(where.url) : source.name;
    return new SpecError(file, `$ref target not found: ${target} (no "${error.targetToken}")`, where?.pointer);
  }
  if (error instanceof RangeError) return new SpecError(source.name, `$ref resolution failed: ${error.message.split('. ')[0]}`);
  if (error instanceof JSONParserError) {
    const inner = (error as { source?: string }).source;
    return new SpecError(inner ? display(inner) : source.name, `$ref resolution failed: ${error.message.split('\n')[0]}`);
  }
  return new SpecError(source.name, `$ref resolution failed: ${(error as Error)?.message ?? String(error)}`);
}

/** Finds which document holds the broken `$ref` and its JSON pointer (error path only). */
function locateMissingRef(error: MissingPointerError, documents: Map<string, unknown>): { url: string; pointer: string } | undefined {
  const hash = error.message.match(/"(#[^"]*)"/)?.[1] ?? '';
  for (const [url, value] of documents) {
    const pointer = findRef(value, (ref) => ref.endsWith(hash) && (ref.startsWith('#') ? sameFile(url, error.source) : true));
    if (pointer !== undefined) return { url, pointer };
  }
  return undefined;
}

function sameFile(url: string, source: string | undefined): boolean {
  return source === undefined || resolvePath(url) === resolvePath(source) || url === source;
}
