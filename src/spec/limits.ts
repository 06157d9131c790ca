// Bounds that keep a hostile or broken description from exhausting time or memory.

export interface LoadLimits {
  /** Largest document (each file or URL body) accepted, in bytes. */
  maxBytes: number;
  /** Per-request timeout for URLs, in milliseconds. */
  timeoutMs: number;
  /** Redirects followed per URL before giving up. */
  maxRedirects: number;
  /** Deepest nesting of objects/arrays accepted; real descriptions stay well under 100. */
  maxDepth: number;
  /** YAML aliases accepted per document (the "billion laughs" guard). */
  maxAliases: number;
  /** Accept any TLS certificate when fetching URLs (`--insecure`). */
  insecure?: boolean;
}

export const DEFAULT_LIMITS: LoadLimits = {
  maxBytes: 32 * 1024 * 1024,
  timeoutMs: 10_000,
  maxRedirects: 5,
  maxDepth: 256,
  maxAliases: 1_000,
};

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${bytes} bytes`;
}
