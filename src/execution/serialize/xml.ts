// XML request bodies from a value and its schema, following the schema's `xml` object (name, attribute,
// wrapped, prefix, namespace) as OpenAPI describes it. Good enough to send what the schema says; no
// mixed content or ordering beyond the value's own.
import type { JsonSchema } from '../../spec/model.js';

interface XmlHints {
  name?: string;
  attribute?: boolean;
  wrapped?: boolean;
  prefix?: string;
  namespace?: string;
}

export function toXml(value: unknown, schema: JsonSchema | undefined, fallbackName = 'root'): string {
  const hints = xmlOf(schema);
  return `<?xml version="1.0" encoding="UTF-8"?>${element(qualified(hints, fallbackName), value, schema, hints.namespace)}`;
}

function element(name: string, value: unknown, schema: JsonSchema | undefined, namespace?: string): string {
  const xmlns = namespace === undefined ? '' : ` xmlns${name.includes(':') ? `:${name.split(':')[0]}` : ''}="${escape(namespace)}"`;
  if (value === null || value === undefined) return `<${name}${xmlns}/>`;
  if (Array.isArray(value)) {
    // An array on its own (the root, or an unwrapped property) repeats its item element.
    const items = subschema(schema, 'items');
    const itemName = qualified(xmlOf(items), name);
    return `<${name}${xmlns}>${value.map((item) => element(itemName, item, items)).join('')}</${name}>`;
  }
  if (typeof value !== 'object') return `<${name}${xmlns}>${escape(String(value))}</${name}>`;
  let attributes = '';
  let children = '';
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (child === undefined) continue;
    const childSchema = subschema(subschema(schema, 'properties'), key);
    const hints = xmlOf(childSchema);
    const childName = qualified(hints, key);
    if (hints.attribute && (child === null || typeof child !== 'object')) {
      attributes += ` ${childName}="${escape(child === null ? '' : String(child))}"`;
    } else if (Array.isArray(child) && !hints.wrapped) {
      const items = subschema(childSchema, 'items');
      const itemName = xmlOf(items).name !== undefined ? qualified(xmlOf(items), key) : childName;
      children += child.map((item) => element(itemName, item, items)).join('');
    } else {
      children += element(childName, child, childSchema, hints.namespace);
    }
  }
  return children === '' ? `<${name}${xmlns}${attributes}/>` : `<${name}${xmlns}${attributes}>${children}</${name}>`;
}

function xmlOf(schema: JsonSchema | undefined): XmlHints {
  if (typeof schema !== 'object' || schema === null) return {};
  const xml = schema.xml;
  return typeof xml === 'object' && xml !== null ? (xml as XmlHints) : {};
}

function qualified(hints: XmlHints, fallback: string): string {
  const name = hints.name ?? fallback;
  return hints.prefix ? `${hints.prefix}:${name}` : name;
}

function subschema(schema: JsonSchema | undefined, key: string): JsonSchema | undefined {
  if (typeof schema !== 'object' || schema === null) return undefined;
  const value = schema[key];
  return typeof value === 'object' && value !== null ? (value as JsonSchema) : undefined;
}

function escape(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}
