// Line numbers for findings, so editors and SARIF viewers can jump to them. Pointers into resolved `$ref`s
// do not exist in the text; such a finding gets the line of the nearest ancestor that does (the `$ref`).
import { createLocator } from '../locate.js';
import { jsonLineLocator } from './json-lines.js';
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

/** Re-parsing YAML with positions costs about 2 s of CPU per MB; above this, YAML findings get no lines. */
export const YAML_LOCATE_MAX_CHARS = 512 * 1024;

/** Adds lines from the description's text: JSON by a single scan at any size, YAML when small enough. */
export function locateFindings(findings: readonly LintFinding[], text: string): LintFinding[] {
  if (/^\s*[{[]/.test(text)) return withLines(findings, jsonLineLocator(text, findings.map((finding) => finding.pointer)));
  if (text.length <= YAML_LOCATE_MAX_CHARS) return withLines(findings, createLocator(text));
  return [...findings];
}
