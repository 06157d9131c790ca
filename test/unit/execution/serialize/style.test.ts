// The "Style Examples" table of the OpenAPI Specification (3.1.1+, which follows RFC 6570 for label),
// with the spec's values: color = "blue", ["blue","black","brown"], {R:100, G:200, B:150}.
import { describe, expect, it } from 'vitest';
import { serializePathValue, serializeQueryPairs, serializeHeaderValue, serializeCookiePairs } from '../../../../src/execution/serialize/style.js';
import type { ParameterStyle } from '../../../../src/spec/model.js';

const primitive = 'blue';
const array = ['blue', 'black', 'brown'];
const object = { R: 100, G: 200, B: 150 };

const pathTable: [ParameterStyle, boolean, unknown, string][] = [
  ['matrix', false, null, ';color'],
  ['matrix', false, primitive, ';color=blue'],
  ['matrix', false, array, ';color=blue,black,brown'],
  ['matrix', false, object, ';color=R,100,G,200,B,150'],
  ['matrix', true, null, ';color'],
  ['matrix', true, primitive, ';color=blue'],
  ['matrix', true, array, ';color=blue;color=black;color=brown'],
  ['matrix', true, object, ';R=100;G=200;B=150'],
  ['label', false, null, '.'],
  ['label', false, primitive, '.blue'],
  ['label', false, array, '.blue,black,brown'],
  ['label', false, object, '.R,100,G,200,B,150'],
  ['label', true, null, '.'],
  ['label', true, primitive, '.blue'],
  ['label', true, array, '.blue.black.brown'],
  ['label', true, object, '.R=100.G=200.B=150'],
  ['simple', false, primitive, 'blue'],
  ['simple', false, array, 'blue,black,brown'],
  ['simple', false, object, 'R,100,G,200,B,150'],
  ['simple', true, primitive, 'blue'],
  ['simple', true, array, 'blue,black,brown'],
  ['simple', true, object, 'R=100,G=200,B=150'],
];

const queryTable: [ParameterStyle, boolean, unknown, string][] = [
  ['form', false, null, 'color='],
  ['form', false, primitive, 'color=blue'],
  ['form', false, array, 'color=blue,black,brown'],
  ['form', false, object, 'color=R,100,G,200,B,150'],
  ['form', true, null, 'color='],
  ['form', true, primitive, 'color=blue'],
  ['form', true, array, 'color=blue&color=black&color=brown'],
  ['form', true, object, 'R=100&G=200&B=150'],
  ['spaceDelimited', false, array, 'color=blue%20black%20brown'],
  ['spaceDelimited', false, object, 'color=R%20100%20G%20200%20B%20150'],
  ['spaceDelimited', true, array, 'color=blue&color=black&color=brown'],
  ['pipeDelimited', false, array, 'color=blue|black|brown'],
  ['pipeDelimited', false, object, 'color=R|100|G|200|B|150'],
  ['pipeDelimited', true, array, 'color=blue&color=black&color=brown'],
  ['deepObject', true, object, 'color[R]=100&color[G]=200&color[B]=150'],
];

describe('path parameter styles (OAS style table)', () => {
  it.each(pathTable)('%s explode=%s %j → %s', (style, explode, value, expected) => {
    expect(serializePathValue('color', value, style, explode)).toBe(expected);
  });
});

describe('query parameter styles (OAS style table)', () => {
  it.each(queryTable)('%s explode=%s %j → %s', (style, explode, value, expected) => {
    expect(serializeQueryPairs('color', value, style, explode).join('&')).toBe(expected);
  });
});

describe('escaping', () => {
  it.each([
    ['a value with a delimiter is escaped, the delimiter is not', serializeQueryPairs('q', ['a,b', 'c&d'], 'form', false).join('&'), 'q=a%2Cb,c%26d'],
    ['non-ASCII is percent-encoded as UTF-8', serializePathValue('n', 'é/ü', 'simple', false), '%C3%A9%2F%C3%BC'],
    ['RFC 3986 sub-delims are escaped in components', serializeQueryPairs('q', "it's(1)*", 'form', true).join('&'), 'q=it%27s%281%29%2A'],
    ['header values lose control characters, not printable ones', serializeHeaderValue('a\r\nb c', false), 'a%0D%0Ab c'],
    ['cookie pairs escape ; and spaces', serializeCookiePairs('s', 'a; b', true).join('; '), 's=a%3B%20b'],
    ['exploded cookie arrays repeat the name', serializeCookiePairs('c', ['x', 'y'], true).join('; '), 'c=x; c=y'],
    ['header arrays are comma-joined', serializeHeaderValue([1, 2, 3], false), '1,2,3'],
    ['header objects exploded', serializeHeaderValue({ a: 1, b: 2 }, true), 'a=1,b=2'],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });
});
