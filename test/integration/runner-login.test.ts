// Identities that log in through the description's login operation before the run.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIdentities } from '../../src/execution/auth/identity.js';
import { logIn, logInAll, type LoginSpec } from '../../src/execution/auth/login.js';
import { createHttpClient, type HttpClient } from '../../src/execution/http-client.js';
import { loadSpec } from '../../src/spec/load.js';
import type { ApiModel } from '../../src/spec/model.js';

const SPEC = `
openapi: 3.0.3
info: { title: login, version: '1' }
paths:
  /auth/login:
    post:
      operationId: login
      requestBody:
        content:
          application/json:
            schema: { type: object, properties: { user: { type: string }, password: { type: string } } }
      responses: { '200': { description: ok }, '401': { description: no } }
`;

let server: Server;
let base: string;
let model: ApiModel;
let client: HttpClient;
const bodies: string[] = [];

beforeAll(async () => {
  model = await loadSpec('-', { stdin: SPEC });
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      bodies.push(body);
      const { user, password } = JSON.parse(body || '{}') as { user?: string; password?: string };
      if (password !== 'pw') {
        res.writeHead(401);
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'x-token': `hdr-${user}` });
      res.end(JSON.stringify({ data: { access_token: `tok-${user}` } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  client = createHttpClient({ timeoutMs: 2000, connections: 1 });
});

afterAll(async () => {
  await client.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('login identities', () => {
  it.each([
    ['a bearer token from the body', { operation: 'login', body: { user: 'ann', password: 'pw' }, token: '$response.body#/data/access_token' }, ['authorization', 'Bearer tok-ann']],
    ['by method and path, from a header, raw', { operation: 'POST /auth/login', body: { user: 'bo', password: 'pw' }, token: '$response.header.X-Token', header: 'X-Session', scheme: '' }, ['x-session', 'hdr-bo']],
  ] as [string, LoginSpec, [string, string]][])('%s', async (_name, spec, header) => {
    expect(await logIn(model, 'x', spec, base, {}, client)).toEqual(header);
    expect(JSON.parse(bodies.at(-1)!)).toEqual(spec.body);
  });

  it.each([
    ['refused credentials', { operation: 'login', body: { user: 'ann', password: 'no' }, token: '$response.body#/data/access_token' }, /^identity x: login via POST \/auth\/login answered 401$/],
    ['no token where said', { operation: 'login', body: { user: 'ann', password: 'pw' }, token: '$response.body#/token' }, /^identity x: login via POST \/auth\/login: no token at \$response\.body#\/token$/],
    ['an unknown operation', { operation: 'signIn', token: '$response.body#/t' }, /^identity x: login: no operation "signIn" in the description$/],
  ] as [string, LoginSpec, RegExp][])('fails with one line on %s', async (_name, spec, message) => {
    await expect(logIn(model, 'x', spec, base, {}, client)).rejects.toThrow(message);
  });

  it('adds each token to its identity', async () => {
    const set = buildIdentities({ headers: [], credentials: {}, identities: [{ name: 'ann', headers: [] }] }, new Set());
    await logInAll(model, set, [
      { name: 'default', spec: { operation: 'login', body: { user: 'root', password: 'pw' }, token: '$response.body#/data/access_token' } },
      { name: 'ann', spec: { operation: 'login', body: { user: 'ann', password: 'pw' }, token: '$response.body#/data/access_token' } },
    ], base, client);
    expect(set.identities.map((i) => [i.name, i.headers.authorization])).toEqual([
      ['default', 'Bearer tok-root'],
      ['ann', 'Bearer tok-ann'],
    ]);
  });
});
