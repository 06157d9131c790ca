// Loading valid descriptions into the normalized model: real ones nobody here wrote, and small fixtures
// that exercise each part of the normalization in every dialect.
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../../src/spec/load.js';
import type { ApiModel, Operation } from '../../../src/spec/model.js';
import { githubRestSpec, realSpec } from '../../support/real-specs.js';

const VALID = 'test/fixtures/specs/valid';
const EXAMPLES = 'node_modules/@readme/oas-examples';

function operation(model: ApiModel, key: string): Operation {
  const found = model.operations.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no operation ${key}; have ${model.operations.map((o) => o.key).join(', ')}`);
  return found;
}

describe('real descriptions', () => {
  const real: { path: string; dialect: ApiModel['dialect']; operations: number; server: string }[] = [
    { path: githubRestSpec(), dialect: 'openapi-3.0', operations: 1223, server: 'https://api.github.com' },
    { path: realSpec('emb-ncs-swagger2.json'), dialect: 'swagger-2.0', operations: 6, server: 'https://localhost:8080' },
    { path: `${EXAMPLES}/2.0/json/petstore.json`, dialect: 'swagger-2.0', operations: 20, server: 'http://petstore.swagger.io/v2' },
    { path: `${EXAMPLES}/3.0/json/petstore.json`, dialect: 'openapi-3.0', operations: 20, server: 'http://petstore.swagger.io/v2' },
    { path: `${EXAMPLES}/3.1/json/petstore.json`, dialect: 'openapi-3.1', operations: 20, server: 'http://petstore.swagger.io/v2' },
  ];
  it.each(real)('$path', async ({ path, dialect, operations, server }) => {
    const model = await loadSpec(path);
    expect(model.dialect).toBe(dialect);
    expect(model.operations).toHaveLength(operations);
    expect(model.servers.map((s) => s.url)).toContain(server);
    for (const op of model.operations) {
      expect(op.key).toBe(`${op.method.toUpperCase()} ${op.path}`);
      expect(op.responses.length).toBeGreaterThan(0);
    }
  }, 90_000);

  it('keeps GitHub shared components as one object (converted once)', async () => {
    const model = await loadSpec(githubRestSpec());
    const repoSchemas = ['GET /repos/{owner}/{repo}', 'PATCH /repos/{owner}/{repo}'].map(
      (key) => operation(model, key).responses.find((r) => r.status === '200')!.content[0]!.schema,
    );
    expect(repoSchemas[0]).toBe(repoSchemas[1]);
  }, 90_000);

  it('maps Swagger 2 petstore details: formData file upload, security definitions', async () => {
    const model = await loadSpec(`${EXAMPLES}/2.0/json/petstore.json`);
    const upload = operation(model, 'POST /pet/{petId}/uploadImage');
    expect(upload.requestBody!.content[0]!.mediaType).toBe('multipart/form-data');
    expect(upload.requestBody!.content[0]!.schema).toMatchObject({ type: 'object', properties: { file: { type: 'string', format: 'binary' } } });
    expect(model.securitySchemes.petstore_auth).toMatchObject({ type: 'oauth2', flows: { implicit: { authorizationUrl: expect.any(String) } } });
    expect(model.securitySchemes.api_key).toEqual({ type: 'apiKey', in: 'header', name: 'api_key' });
  });
});

describe('OpenAPI 3.0 fixture', async () => {
  const model = await loadSpec(`${VALID}/openapi-30.yaml`);
  const getPet = operation(model, 'GET /pets/{petId}');

  it('substitutes server variables by their defaults', () => {
    expect(model.servers[0]!.url).toBe('https://api.example.com:8443/v1');
    expect(model.servers[0]!.variables!.port).toEqual({ default: '8443', enum: ['8443', '443'] });
  });

  it('merges path and operation parameters (operation wins) with style/explode defaults', () => {
    const summary = getPet.parameters.map((p) => `${p.in}:${p.name}:${p.style}:${p.explode}:${p.required}`);
    expect(summary).toEqual([
      'path:petId:simple:false:true',
      'query:verbose:form:true:true',
      'query:tags:form:true:false',
      'query:ids:pipeDelimited:false:false',
      'header:X-Request-Id:simple:false:false',
      'cookie:session:form:true:false',
      'query:filter:form:true:false',
    ]);
    expect(getPet.parameters[1]!.examples).toEqual(['yes']);
    expect(getPet.parameters[6]!.contentType).toBe('application/json');
  });

  it('keeps responses by code, range and default with headers, examples and links', () => {
    expect(getPet.responses.map((r) => r.status)).toEqual(['200', '4XX', 'default']);
    const ok = getPet.responses[0]!;
    expect(ok.headers['X-Rate-Limit']).toEqual({ required: true, schema: { type: 'integer' }, description: 'calls left', deprecated: false });
    expect(ok.content[0]!.examples).toEqual([{ id: 1, name: 'Rex' }, { id: 2, name: null }]);
    expect(getPet.links).toEqual([{ name: 'GetOwner', status: '200', operationId: 'getOwner', parameters: { ownerId: '$response.body#/ownerId' } }]);
    expect(getPet.extensions).toEqual({ 'x-rate-limited': true });
    expect(getPet.pointer).toBe('/paths/~1pets~1{petId}/get');
  });

  it('converts schemas to 2020-12 (nullable, exclusive bounds, example)', () => {
    const pet = getPet.responses[0]!.content[0]!.schema as { properties: Record<string, unknown> };
    expect(pet.properties.name).toEqual({ type: ['string', 'null'], examples: ['Rex'] });
    expect(pet.properties.age).toEqual({ type: 'integer', exclusiveMinimum: 0, maximum: 30 });
    expect(pet.properties.status).toEqual({ type: ['string', 'null'], enum: ['available', 'sold', null] });
    expect(pet.properties.tag).toEqual({ anyOf: [{ allOf: [{ type: 'object', properties: { label: { type: 'string' } } }] }, { type: 'null' }] });
    expect(pet.properties.id).toMatchObject({ readOnly: true });
  });

  it('keeps a recursive schema as a $ref into schemaDefs', () => {
    const node = operation(model, 'GET /owners/{ownerId}').responses[0]!.content[0]!.schema;
    expect(node).toEqual({ type: 'object', properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: 'urn:sentinel:defs#/$defs/Node' } } } });
    expect(model.schemaDefs.Node).toBe(node);
  });

  it('normalizes security: schemes, global requirements and per-operation overrides', () => {
    expect(Object.keys(model.securitySchemes)).toEqual(['bearer', 'basic', 'key', 'oauth', 'oidc']);
    expect(model.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(model.security).toEqual([{ bearer: [] }]);
    expect(getPet.security).toBeUndefined();
    expect(operation(model, 'POST /pets').security).toEqual([]);
  });

  it('keeps request bodies by media type and per-operation servers', () => {
    const create = operation(model, 'POST /pets');
    expect(create.requestBody!.required).toBe(true);
    expect(create.requestBody!.content.map((c) => c.mediaType)).toEqual(['application/json', 'application/x-www-form-urlencoded']);
    expect(create.requestBody!.content[1]!.encoding).toEqual({ name: { style: 'form', explode: true } });
    expect(create.deprecated).toBe(true);
    expect(operation(model, 'GET /owners/{ownerId}').servers).toEqual([{ url: 'https://owners.example.com' }]);
    expect(model.warnings).toEqual([]);
  });
});

describe('Swagger 2.0 fixture', async () => {
  const model = await loadSpec(`${VALID}/swagger-2.yaml`);

  it('builds servers from schemes + host + basePath', () => {
    expect(model.servers).toEqual([{ url: 'https://api.example.com/v2' }, { url: 'http://api.example.com/v2' }]);
  });

  it('maps collectionFormat to style/explode and parameter fields to a schema', () => {
    const find = operation(model, 'GET /pets');
    expect(find.parameters.map((p) => `${p.name}:${p.style}:${p.explode}`)).toEqual(['status:form:true', 'ids:pipeDelimited:false', 'names:form:false', 'limit:form:false']);
    expect(find.parameters[3]!.schema).toEqual({ type: 'integer', exclusiveMinimum: 1, default: 10 });
    expect(find.responses[0]!.content.map((c) => c.mediaType)).toEqual(['application/json', 'application/xml']);
  });

  it('turns in: body into a JSON body, formData into multipart or form-urlencoded', () => {
    const add = operation(model, 'POST /pets');
    expect(add.requestBody).toMatchObject({ required: true, content: [{ mediaType: 'application/json' }] });
    const upload = operation(model, 'POST /pets/{petId}/photo');
    expect(upload.requestBody!.content).toEqual([
      {
        mediaType: 'multipart/form-data',
        schema: { type: 'object', properties: { caption: { type: 'string' }, file: { type: 'string', format: 'binary' } }, required: ['caption', 'file'] },
        examples: [],
      },
    ]);
    const rename = operation(model, 'POST /pets/{petId}/rename');
    expect(rename.requestBody!.content[0]!.mediaType).toBe('application/x-www-form-urlencoded');
    expect(rename.requestBody!.content[0]!.encoding).toEqual({ aliases: { style: 'form', explode: true } });
  });

  it('converts x-nullable, response headers and examples', () => {
    const ok = operation(model, 'POST /pets').responses[0]!;
    expect(ok.headers['X-Rate-Limit']!.schema).toEqual({ type: 'integer', format: 'int32' });
    expect(ok.content[0]!.examples).toEqual([{ id: 1, name: 'Rex' }]);
    expect(model.schemaDefs.Pet).toMatchObject({ properties: { name: { type: ['string', 'null'] }, parent: { $ref: 'urn:sentinel:defs#/$defs/Pet' } } });
  });

  it('maps basic, apiKey and oauth2 flows to OpenAPI 3 security schemes', () => {
    expect(model.securitySchemes).toMatchObject({
      basicAuth: { type: 'http', scheme: 'basic' },
      headerKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
      code: { type: 'oauth2', flows: { authorizationCode: { tokenUrl: 'https://auth.example.com/token', scopes: { write: 'write things' } } } },
      machine: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://auth.example.com/token' } } },
    });
    expect(operation(model, 'POST /pets/{petId}/photo').security).toEqual([{ code: ['write'] }]);
  });
});

describe('OpenAPI 3.1 and multi-file fixtures', () => {
  it('lists webhooks, keeps 3.1 schemas and applies keywords beside $ref', async () => {
    const model = await loadSpec(`${VALID}/openapi-31.yaml`);
    expect(model.webhooks).toEqual([{ name: 'newPet', method: 'post', operationId: 'onNewPet', summary: 'a pet was added', pointer: '/webhooks/newPet/post' }]);
    expect(model.servers).toEqual([{ url: '/' }]);
    const list = operation(model, 'GET /pets').responses[0]!;
    expect(list.status).toBe('2XX');
    expect(list.content[0]!.schema).toEqual({
      type: 'array',
      items: {
        type: 'object',
        description: 'a pet, with the note beside the $ref',
        properties: { name: { type: ['string', 'null'], examples: ['Rex'] }, weight: { type: 'number', exclusiveMinimum: 0 } },
      },
    });
  });

  it('resolves a property named "example" but leaves example payloads alone', async () => {
    const model = await loadSpec(`${VALID}/openapi-31.yaml`);
    expect(model.warnings).toEqual([]);
    expect(operation(model, 'GET /documents').responses[0]!.content[0]!.schema).toEqual({
      type: 'object',
      examples: [{ kind: 'just data, not a reference' }],
      properties: { example: { type: 'string' } },
    });
  });

  it('resolves $refs across files, including a recursive schema spanning two files', async () => {
    const model = await loadSpec(`${VALID}/split/root.yaml`);
    const get = operation(model, 'GET /people/{id}');
    expect(get.parameters[0]).toMatchObject({ name: 'id', in: 'path', schema: { type: 'string', format: 'uuid' } });
    expect(get.responses.find((r) => r.status === '404')!.content[0]!.schema).toEqual({ type: 'object', properties: { message: { type: 'string' } } });
    expect(model.schemaDefs.Person).toBe(get.responses[0]!.content[0]!.schema);
    expect(JSON.stringify(model.schemaDefs.Person)).toContain('"person":{"$ref":"urn:sentinel:defs#/$defs/Person"}');
  });
});

describe('OpenAPI 3.2 fixture', () => {
  it('detects 3.2 and keeps the QUERY method', async () => {
    const model = await loadSpec(`${VALID}/openapi-32.yaml`);
    expect(model.dialect).toBe('openapi-3.2');
    expect(model.specVersion).toBe('3.2.0');
    expect(model.operations.map((o) => o.key)).toEqual(['QUERY /search']);
    expect(model.operations[0]!.requestBody!.content[0]!.mediaType).toBe('application/json');
  });
});

describe('YAML in flow style', () => {
  it('reads a .yaml file written as {...} as YAML, not JSON', async () => {
    const model = await loadSpec(`${VALID}/flow-style.yaml`);
    expect(model.info.title).toBe('flow');
    expect(model.dialect).toBe('openapi-3.1');
  });
});

describe('sloppy descriptions load with warnings', () => {
  it('reports each sloppy part with code, pointer and line', async () => {
    const model = await loadSpec(`${VALID}/sloppy.yaml`);
    const warnings = model.warnings.map((w) => `${w.code} ${w.pointer} :${w.line}`);
    expect(warnings).toEqual([
      'undeclared-path-parameter /paths/~1items~1{id}/get :5',
      'invalid-response-status /paths/~1items~1{id}/get/responses/ok :9',
      'path-parameter-not-in-template /paths/~1items/get/parameters/0 :14',
      'undefined-security-scheme /paths/~1items/get/security/0/nowhere :16',
      'optional-path-parameter /paths/~1things~1{thingId}/get/parameters/0 :23',
      'ignored-header-parameter /paths/~1things~1{thingId}/get/parameters/1 :24',
      'duplicate-operation-id /paths/~1items/get/operationId :12',
    ]);
    expect(model.warnings.every((w) => w.severity === 'warning' && w.file === `${VALID}/sloppy.yaml`)).toBe(true);
    // The undeclared {id} is synthesized so requests can still be built; the stray declared one is dropped.
    expect(operation(model, 'GET /items/{id}').parameters).toMatchObject([{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]);
    expect(operation(model, 'GET /items').parameters).toEqual([]);
    expect(operation(model, 'GET /things/{thingId}').parameters.map((p) => [p.name, p.required])).toEqual([['thingId', true]]);
  });
});
