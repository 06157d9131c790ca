import { describe, expect, it } from 'vitest';
import { LINT_RULES, lintModel } from '../../../../src/spec/lint/index.js';
import { stringUnbounded } from '../../../../src/spec/lint/rules/owasp/string-unbounded.js';
import { enumWithoutType } from '../../../../src/spec/lint/rules/testability/enum-without-type.js';
import { pathParameterUndeclared } from '../../../../src/spec/lint/rules/testability/path-parameter-undeclared.js';
import { SchemaWalker } from '../../../../src/spec/lint/run-schema-rules.js';
import { BOUNDED_OBJECT, json, model, op, param, response, withOperation } from './helpers.js';

describe('the ruleset', () => {
  it('has at least 25 rules with unique kebab-case ids in two sets', () => {
    const ids = LINT_RULES.map((rule) => rule.id);
    expect(ids.length).toBeGreaterThanOrEqual(25);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of LINT_RULES) {
      expect(rule.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(rule.set === 'owasp').toBe(rule.id.startsWith('owasp-'));
      if (rule.set === 'owasp') expect(rule.owasp).toMatch(/^API\d+:2023 /);
    }
    expect(LINT_RULES.filter((rule) => rule.set === 'testability').length).toBeGreaterThanOrEqual(10);
    expect(LINT_RULES.filter((rule) => rule.set === 'owasp').length).toBeGreaterThanOrEqual(10);
  });
});

describe('lintModel', () => {
  it('finds nothing in a clean model and scores it 100', () => {
    expect(lintModel(model())).toEqual({ findings: [], score: 100 });
  });

  it('reports a shared schema at every place it is used', () => {
    const shared = { type: 'object', additionalProperties: false, properties: { name: { type: 'string' } } };
    const body = (path: string) => ({ required: true, content: [json(shared)], pointer: `/paths/${path}/post/requestBody` });
    const subject = model({ operations: [op('post', '/a', { requestBody: body('~1a') }), op('post', '/b', { requestBody: body('~1b') })] });
    expect(lintModel(subject, [stringUnbounded]).findings.map((finding) => [finding.pointer, finding.operation])).toEqual([
      ['/paths/~1a/post/requestBody/content/application~1json/schema/properties/name', 'POST /a'],
      ['/paths/~1b/post/requestBody/content/application~1json/schema/properties/name', 'POST /b'],
    ]);
  });

  it('does not follow $refs of recursive schemas and survives plain-object cycles', () => {
    const node: Record<string, unknown> = { type: 'object', properties: { label: { enum: ['a'] }, children: { type: 'array', items: { $ref: 'urn:sentinel:defs#/$defs/Node' } } } };
    const cyclic: Record<string, unknown> = { type: 'object', properties: {} };
    (cyclic.properties as Record<string, unknown>).self = cyclic;
    const subject = withOperation(op('get', '/t', { responses: [response('200', { content: [json(node)] }), response('201', { content: [json(cyclic)] })] }), { schemaDefs: { Node: node } });
    expect(lintModel(subject, [enumWithoutType]).findings.map((finding) => finding.pointer)).toEqual([
      '/paths/~1t/get/responses/200/content/application~1json/schema/properties/label',
    ]);
  });

  it('walks very deep schemas without overflowing the stack', () => {
    let schema: Record<string, unknown> = { type: 'string' };
    for (let depth = 0; depth < 3000; depth += 1) schema = { type: 'object', properties: { next: schema } };
    const subject = withOperation(op('post', '/deep', { requestBody: { required: true, content: [json(schema)], pointer: '/paths/~1deep/post/requestBody' } }));
    const findings = lintModel(subject, [stringUnbounded]).findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]!.pointer.split('/properties/next').length - 1).toBe(3000);
  });

  it('walks each schema object once per scope', () => {
    const leaf = { type: 'string' };
    let calls = 0;
    const counting = { ...stringUnbounded, check: (...args: Parameters<typeof stringUnbounded.check>) => { calls += 1; return stringUnbounded.check(...args); } };
    const walker = new SchemaWalker([counting]);
    const shared = { type: 'object', properties: { a: leaf, b: leaf } };
    for (let i = 0; i < 100; i += 1) walker.issues({ type: 'array', items: shared }, 'input');
    expect(calls).toBe(100 + 2);
    expect(walker.issues(shared, 'input').map((issue) => issue.pointer)).toEqual(['/properties/a', '/properties/b']);
  });

  it('collapses identical findings (a loader warning repeated per method of one path)', () => {
    const warning = { severity: 'warning' as const, code: 'undeclared-path-parameter', message: '{id} is not declared', pointer: '/paths/~1t~1{id}' };
    const subject = model({ operations: [op('get', '/t/{id}'), op('put', '/t/{id}')], warnings: [warning, { ...warning }] });
    expect(lintModel(subject, [pathParameterUndeclared]).findings).toHaveLength(1);
  });

  it('points into Swagger 2 parameters and bodies without `schema`/`content` segments', () => {
    const parameter = param('q', 'query', { type: 'string' }, { pointer: '/paths/~1t/get/parameters/0' });
    const subject = withOperation(op('get', '/t', { parameters: [parameter] }), { dialect: 'swagger-2.0' });
    expect(lintModel(subject, [stringUnbounded]).findings.map((finding) => finding.pointer)).toEqual(['/paths/~1t/get/parameters/0']);
  });

  it('attributes every finding of an operation to it and adds the OWASP category to owasp findings', () => {
    const subject = withOperation(op('post', '/t', { security: [], responses: [response('201', { content: [json(BOUNDED_OBJECT)] })] }));
    const { findings } = lintModel(subject);
    expect(findings.length).toBeGreaterThan(3);
    for (const finding of findings) {
      expect(finding.operation).toBe('POST /t');
      expect(finding.owasp !== undefined).toBe(finding.set === 'owasp');
    }
  });
});

describe('placeholder path parameters', () => {
  it('skips parameters the loader synthesized for an undeclared {name} (they point at the operation)', () => {
    const operation = op('get', '/t/{id}');
    operation.parameters = [param('id', 'path', { type: 'string' }, { pointer: operation.pointer, description: undefined })];
    const warning = { severity: 'warning' as const, code: 'undeclared-path-parameter', message: '{id} is not declared', pointer: operation.pointer };
    const rules = lintModel(withOperation(operation, { warnings: [warning] })).findings.map((finding) => finding.rule);
    expect(rules).toEqual(['path-parameter-undeclared']);
  });
});
