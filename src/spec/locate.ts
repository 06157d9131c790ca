// Line numbers for JSON pointers, for messages. Re-parses the text with positions, so it is only used on
// error paths and for warnings of documents small enough that it stays cheap.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/** Documents above this size get no line numbers on warnings (re-parsing 13 MB costs seconds). */
export const LOCATE_WARNINGS_MAX_CHARS = 2_000_000;

export function createLocator(text: string): (pointer: string) => number | undefined {
  let cached: { root: unknown; lines: LineCounter } | undefined;
  return (pointer) => {
    try {
      if (!cached) {
        const lines = new LineCounter();
        const doc = parseDocument(text, { lineCounter: lines, keepSourceTokens: false, uniqueKeys: false });
        cached = { root: doc.contents, lines };
      }
      const node = nodeAt(cached.root, pointer);
      const offset = node?.range?.[0];
      return offset === undefined ? undefined : cached.lines.linePos(offset).line;
    } catch {
      return undefined;
    }
  };
}

function nodeAt(root: unknown, pointer: string): Node | undefined {
  let node = root as Node | undefined;
  const tokens = pointer === '' ? [] : pointer.slice(1).split('/').map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
  for (const [index, token] of tokens.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === token);
      // The last step points at the key: in YAML a block value starts on the line after its key.
      node = (index === tokens.length - 1 ? pair?.key : pair?.value ?? pair?.key) as Node | undefined;
    } else if (isSeq(node)) node = node.items[Number(token)] as Node | undefined;
    else return node;
    if (node === undefined) return undefined;
  }
  return node;
}
