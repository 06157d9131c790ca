// Notes stay readable on a description with a thousand operations: the first few reasons, then a count.

export function summarize(prefix: string, reasons: string[], shown = 5): string {
  const unique = [...new Set(reasons)];
  const head = unique.slice(0, shown).join('; ');
  return unique.length > shown ? `${prefix}: ${head}; and ${unique.length - shown} more` : `${prefix}: ${head}`;
}
