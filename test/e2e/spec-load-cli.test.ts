// The built CLI refuses broken descriptions with one line on stderr and exit code 2 (never a stack trace),
// whatever the source: a file, standard input or a URL on a loopback server started here.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCliBeforeAll, sentinel as runCli } from '../support/cli.js';

const BROKEN = 'test/fixtures/specs/broken';

const sentinel = (args: string[], stdin = '') => runCli(args, { stdin });

let server: Server;
let base: string;

buildCliBeforeAll();

beforeAll(async () => {
  server = createServer((_request, response) => response.end('openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {/a: {get: {responses: {"200": {$ref: "#/nope"}}}}}\n'));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 180_000);

afterAll(async () => {
  await new Promise<void>((done) => server.close(() => done()));
});

describe('sentinel lint on broken descriptions', () => {
  const cases: { name: string; args: () => string[]; stdin?: string; line: () => RegExp }[] = [
    { name: 'truncated JSON file', args: () => ['lint', `${BROKEN}/truncated.json`], line: () => /^sentinel: test\/fixtures\/specs\/broken\/truncated\.json:1: invalid JSON: unexpected end of input \(truncated\?\)$/ },
    { name: 'YAML alias bomb', args: () => ['lint', `${BROKEN}/alias-bomb.yaml`], line: () => /^sentinel: .*alias-bomb\.yaml: YAML refused: too many aliases/ },
    { name: '$ref loop through files', args: () => ['lint', `${BROKEN}/ref-loop-files.yaml`], line: () => /^sentinel: .*loop-b\.yaml:1: \/B: circular \$ref chain/ },
    { name: 'unknown dialect', args: () => ['lint', `${BROKEN}/asyncapi.yaml`], line: () => /^sentinel: .*asyncapi\.yaml:1: \/asyncapi: an AsyncAPI document/ },
    { name: 'truncated text on stdin', args: () => ['lint', '-'], stdin: '{"openapi": "3.1.0", "paths": {', line: () => /^sentinel: <stdin>:1: invalid JSON: unexpected end of input/ },
    { name: 'missing $ref target at a URL', args: () => ['lint', `${base}/api.yaml`], line: () => new RegExp(`^sentinel: ${base}/api\\.yaml:3: /paths/~1a/get/responses/200: \\$ref target not found: "#/nope"`) },
  ];
  it.each(cases)('$name: one line, exit 2', async ({ args, stdin, line }) => {
    const run = await sentinel(args(), stdin);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr.trimEnd()).toMatch(line());
  });
});
