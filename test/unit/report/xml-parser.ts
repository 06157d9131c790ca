// A minimal strict XML parser for tests: it throws on anything not well-formed (unbalanced or unquoted
// tags, raw `<`/`&` in text, unknown entities, characters XML 1.0 forbids) and returns the element tree.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME = /^[A-Za-z_][\w.-]*/;
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

export function parseXml(source: string): XmlElement {
  if (FORBIDDEN.test(source)) throw new Error('character not allowed in XML 1.0');
  let pos = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${pos}: ${JSON.stringify(source.slice(pos, pos + 30))}`);
  };
  const skipSpace = () => {
    while (pos < source.length && /\s/.test(source[pos]!)) pos++;
  };
  if (source.startsWith('<?xml')) {
    const end = source.indexOf('?>');
    if (end < 0) fail('unterminated declaration');
    pos = end + 2;
  }
  skipSpace();

  const element = (): XmlElement => {
    if (source[pos] !== '<') fail('expected <');
    pos++;
    const name = NAME.exec(source.slice(pos))?.[0] ?? fail('bad element name');
    pos += name.length;
    const node: XmlElement = { name, attributes: {}, children: [], text: '' };
    for (;;) {
      const before = pos;
      skipSpace();
      if (source.startsWith('/>', pos)) {
        pos += 2;
        return node;
      }
      if (source[pos] === '>') {
        pos++;
        break;
      }
      if (pos === before) fail('expected space between attributes');
      const attr = NAME.exec(source.slice(pos))?.[0] ?? fail('bad attribute name');
      pos += attr.length;
      if (source[pos] !== '=' || source[pos + 1] !== '"') fail('attribute value must be ="..."');
      const end = source.indexOf('"', pos + 2);
      if (end < 0) fail('unterminated attribute');
      const raw = source.slice(pos + 2, end);
      if (raw.includes('<')) fail('< in attribute');
      if (attr in node.attributes) fail('duplicate attribute');
      node.attributes[attr] = decode(raw, fail);
      pos = end + 1;
    }
    for (;;) {
      const next = source.indexOf('<', pos);
      if (next < 0) fail('unterminated element');
      node.text += decode(source.slice(pos, next), fail);
      pos = next;
      if (source.startsWith(`</${name}>`, pos)) {
        pos += name.length + 3;
        return node;
      }
      if (source.startsWith('</', pos)) fail(`mismatched close of ${name}`);
      node.children.push(element());
    }
  };

  const root = element();
  skipSpace();
  if (pos !== source.length) fail('content after the root element');
  return root;
}

function decode(text: string, fail: (why: string) => never): string {
  if (text.includes('>') && text.includes(']]>')) fail(']]> in text');
  return text.replace(/&([^;]*);?/g, (match, entity: string) => {
    if (!match.endsWith(';')) fail(`bare & in text`);
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (entity in named) return named[entity]!;
    const numeric = /^#(x[0-9a-fA-F]+|[0-9]+)$/.exec(entity);
    if (!numeric) fail(`unknown entity &${entity};`);
    const code = numeric![1]!.startsWith('x') ? parseInt(numeric![1]!.slice(1), 16) : parseInt(numeric![1]!, 10);
    return String.fromCodePoint(code);
  });
}

export function findAll(node: XmlElement, name: string): XmlElement[] {
  return [...(node.name === name ? [node] : []), ...node.children.flatMap((child) => findAll(child, name))];
}
