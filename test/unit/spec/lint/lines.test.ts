import { describe, expect, it } from 'vitest';
import { withLines, type LintFinding } from '../../../../src/spec/lint/index.js';
import { createLocator } from '../../../../src/spec/locate.js';

const TEXT = `openapi: 3.1.0
paths:
  /pets:
    post:
      requestBody:
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/Pet'
components:
  schemas:
    Pet:
      type: object
`;

const finding = (pointer: string): LintFinding => ({ rule: 'r', set: 'owasp', severity: 'warn', pointer, message: 'm', fix: 'f' });

describe('withLines', () => {
  it.each([
    { name: 'a node in the text', pointer: '/paths/~1pets/post', line: 4 },
    { name: 'a node inside a resolved $ref gets the line of the $ref', pointer: '/paths/~1pets/post/requestBody/content/application~1json/schema/properties/name', line: 8 },
    { name: 'a component', pointer: '/components/schemas/Pet', line: 12 },
  ])('$name', ({ pointer, line }) => {
    expect(withLines([finding(pointer)], createLocator(TEXT))[0]!.line).toBe(line);
  });

  it('leaves findings without a line when nothing can be located', () => {
    expect(withLines([finding('/nowhere')], () => undefined)[0]).toEqual(finding('/nowhere'));
  });

  it('locates each pointer once', () => {
    let calls = 0;
    const counting = (pointer: string) => { calls += 1; return pointer === '/a' ? 3 : undefined; };
    withLines([finding('/a/b'), finding('/a/b'), finding('/a/c')], counting);
    expect(calls).toBe(3);
  });
});
