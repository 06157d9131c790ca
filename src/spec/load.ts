// loadSpec: a file path, http(s) URL or `-` (stdin) → the normalized ApiModel, or a one-line SpecError.
import { SpecError } from '../core/errors.js';
import { detectDialect } from './dialect.js';
import { checkSchemaSizes, checkUnfolded } from './expansion-limit.js';
import { DEFAULT_LIMITS, type LoadLimits } from './limits.js';
import { createLocator, LOCATE_WARNINGS_MAX_CHARS } from './locate.js';
import type { ApiModel, SpecDiagnostic } from './model.js';
import { normalizeDocument } from './normalize/index.js';
import { parseText } from './parse.js';
import type { RefPolicy } from './ref-policy.js';
import { resolveRefs } from './refs.js';
import { isUrl, readSource } from './sources.js';
import { checkStructure } from './structure.js';

export interface LoadOptions {
  /** Text to use for `-` instead of reading process.stdin. */
  stdin?: string;
  /** Largest document accepted, in bytes (default 32 MB). */
  maxBytes?: number;
  /** Per-request timeout for URLs, in milliseconds (default 10 s). */
  timeoutMs?: number;
  /** Accept any TLS certificate when fetching URLs (`--insecure`). */
  insecure?: boolean;
  /**
   * Whether `$ref`s may read local files (default true, as the CLI's user reads their own; always false
   * for a description fetched from a URL). A server loading text it was given sets false.
   */
  allowLocalRefs?: boolean;
  /** The caller's outbound policy: called with every URL before it is fetched; throwing refuses it. */
  checkUrl?: RefPolicy['checkUrl'];
}

export async function loadSpec(source: string, options: LoadOptions = {}): Promise<ApiModel> {
  const limits: LoadLimits = {
    ...DEFAULT_LIMITS,
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.insecure ? { insecure: true } : {}),
  };
  const policy: RefPolicy = { allowLocalRefs: options.allowLocalRefs ?? true, ...(options.checkUrl ? { checkUrl: options.checkUrl } : {}) };
  const text = await readSource(source, limits, options.stdin, policy);
  const locate = createLocator(text.text);
  try {
    const doc = parseText(text.text, text.name, limits);
    const detected = detectDialect(doc, text.name);
    const record = doc as Record<string, unknown>;
    const warnings: SpecDiagnostic[] = [];
    checkStructure(record, detected.dialect, text.name, warnings);
    const resolved = await resolveRefs(record, text, limits, policy);
    checkUnfolded(resolved.root, text.name, limits.maxDepth);
    const model = normalizeDocument({
      doc: resolved.root,
      detected,
      file: text.name,
      refNames: resolved.refNames,
      warnings,
      ...(isUrl(text.location) ? { baseUrl: text.location } : {}),
    });
    checkSchemaSizes(model, text.name);
    if (text.text.length <= LOCATE_WARNINGS_MAX_CHARS) {
      for (const warning of model.warnings) if (warning.file === text.name && warning.line === undefined) setLine(warning, locate(warning.pointer));
    }
    return model;
  } catch (error) {
    throw withLine(error, text.name, locate);
  }
}

function setLine(warning: SpecDiagnostic, line: number | undefined): void {
  if (line !== undefined) warning.line = line;
}

/** Adds the line to an error about the root document that names a pointer but no line yet. */
function withLine(error: unknown, file: string, locate: (pointer: string) => number | undefined): unknown {
  if (!(error instanceof SpecError) || error.line !== undefined || !error.pointer || error.file !== file) return error;
  const line = locate(error.pointer);
  return line === undefined ? error : new SpecError(error.file, error.reason, error.pointer, line, { cause: error.cause });
}
