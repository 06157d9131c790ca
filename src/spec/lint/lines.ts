// Line numbers for findings, so editors and SARIF viewers can jump to them. Pointers into resolved `$ref`s
// do not exist in the text; such a finding gets the line of the nearest ancestor that does (the `$ref`).
import type { LintFinding } from './types.js';

export type LineLocator = (pointer: string) => number | undefined;

export function withLines(findings: readonly LintFinding[], locate: LineLocator): LintFinding[] {
  const known = new Map<string, number | undefined>();
  const lineOf = (pointer: string): number | undefined => {
    if (known.has(pointer)) return known.get(pointer);
    let line = locate(pointer);
    if (line === undefined && pointer !== '') line = lineOf(pointer.slice(0, pointer.lastIndexOf('/')));
    known.set(pointer, line);
    return line;
  };
  return findings.map((finding) => {
    const line = lineOf(finding.pointer);
    return line === undefined ? finding : { ...finding, line };
  });
}
