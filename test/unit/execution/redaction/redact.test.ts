import { describe, expect, it } from 'vitest';
import { toCurl, shellQuote } from '../../../../src/execution/redaction/curl.js';
import { collectSecretValues, redactExchange, redactHeaders, redactRequest, redactUrl, REDACTED, scrubSecrets } from '../../../../src/execution/redaction/redact.js';
import { isSecretName, secretParamNames } from '../../../../src/execution/redaction/secret-names.js';
import { execFileSync } from 'node:child_process';

describe('isSecretName', () => {
  it.each([
    ['Authorization', true],
    ['Proxy-Authorization', true],
    ['Cookie', true],
    ['Set-Cookie', true],
    ['X-API-Key', true],
    ['api_key', true],
    ['apiKey', true],
    ['apikey', true],
    ['access_token', true],
    ['X-Auth-Token', true],
    ['X-CSRF-Token', true],
    ['client_secret', true],
    ['password', true],
    ['db_password', true],
    ['X-Auth', true],
    ['sessionid', true],
    ['X-Amz-Signature', true],
    ['accessKey', true],
    ['Content-Type', false],
    ['author', false],
    ['authorId', false],
    ['keyword', false],
    ['monkey', false],
    ['limit', false],
    ['x-correlation-id', false],
    ['Idempotency-Key', false],
    ['WWW-Authenticate', false],
    ['X-Sort-Key', true],
  ])('%s → %s', (name, secret) => {
    expect(isSecretName(name)).toBe(secret);
  });

  it('adds the apiKey scheme names of the description', () => {
    expect(isSecretName('sig')).toBe(false);
    expect(isSecretName('SIG', ['sig'])).toBe(true);
    const names = secretParamNames({
      securitySchemes: { k: { type: 'apiKey', in: 'query', name: 'sig' }, b: { type: 'http', scheme: 'bearer' } },
    });
    expect(names).toEqual(['sig']);
  });
});

describe('redactHeaders', () => {
  it.each([
    [{ authorization: 'Bearer abc.def' }, { authorization: `Bearer ${REDACTED}` }],
    [{ Authorization: 'Basic dXNlcjpwYXNz' }, { Authorization: `Basic ${REDACTED}` }],
    [{ authorization: 'opaque-credential' }, { authorization: REDACTED }],
    [{ 'x-api-key': 'k1' }, { 'x-api-key': REDACTED }],
    [{ cookie: 'a=1; b=2' }, { cookie: `a=${REDACTED}; b=${REDACTED}` }],
    [{ 'set-cookie': ['sid=xyz; Path=/; HttpOnly'] }, { 'set-cookie': [`sid=${REDACTED}; Path=/; HttpOnly`] }],
    [{ accept: 'application/json' }, { accept: 'application/json' }],
  ])('%j', (headers, expected) => {
    expect(redactHeaders(headers)).toEqual(expected);
  });

  it('redacts an apiKey scheme header given by name', () => {
    expect(redactHeaders({ 'x-tenant-sig': 'abc' }, ['X-Tenant-Sig'])).toEqual({ 'x-tenant-sig': REDACTED });
  });
});

describe('redactUrl', () => {
  it.each([
    ['http://h/p?api_key=abc&limit=2', `http://h/p?api_key=${REDACTED}&limit=2`],
    ['http://h/p?limit=2#frag', 'http://h/p?limit=2#frag'],
    ['http://h/p?auth%5Btoken%5D=x', `http://h/p?auth%5Btoken%5D=${REDACTED}`],
    ['http://user:pw@h/p', `http://${REDACTED}@h/p`],
    ['http://h/p?flag&password=', `http://h/p?flag&password=${REDACTED}`],
    ['http://h/p', 'http://h/p'],
  ])('%s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});

describe('secret values', () => {
  it('collects credentials, their parts and decoded basic passwords, longest first', () => {
    const basic = Buffer.from('alice:open-sesame').toString('base64');
    const values = collectSecretValues([
      { method: 'GET', url: 'http://h/?token=tok%2B123456', headers: { authorization: `Basic ${basic}`, cookie: 'sid=cookie-value-1' } },
    ]);
    expect(values).toEqual(expect.arrayContaining([basic, 'alice:open-sesame', 'open-sesame', 'cookie-value-1', 'tok%2B123456', 'tok+123456']));
    expect(values.map((v) => v.length)).toEqual([...values.map((v) => v.length)].sort((a, b) => b - a));
  });

  it('scrubs every occurrence, and leaves short values alone', () => {
    expect(scrubSecrets('a secret-1 b secret-1', ['secret-1'])).toBe(`a ${REDACTED} b ${REDACTED}`);
    expect(collectSecretValues([{ method: 'GET', url: 'http://h/?token=ab', headers: {} }])).toEqual([]);
  });

  it('redactRequest scrubs a credential echoed in the body', () => {
    const request = redactRequest({ method: 'POST', url: 'http://h/', headers: { 'x-api-key': 'key-123456' }, body: '{"k":"key-123456"}' });
    expect(JSON.stringify(request)).not.toContain('key-123456');
  });
});

describe('toCurl', () => {
  it('builds one redacted line', () => {
    const line = toCurl({
      method: 'POST',
      url: 'http://127.0.0.1:1/pets?filter[a]=1&token=abcdef',
      headers: { authorization: 'Bearer s3cr3t-token', 'content-type': 'application/json', 'content-length': '12' },
      body: '{"a":"it\'s"}',
    });
    expect(line).toBe(
      `curl -g -X POST 'http://127.0.0.1:1/pets?filter[a]=1&token=[REDACTED]' -H 'authorization: Bearer [REDACTED]' -H 'content-type: application/json' --data-binary '{"a":"it'\\''s"}'`,
    );
    expect(line).not.toContain('s3cr3t');
  });

  it.each([
    ['GET', undefined, 'curl -g http://h/x'],
    ['HEAD', undefined, 'curl -g --head http://h/x'],
    ['DELETE', undefined, 'curl -g -X DELETE http://h/x'],
  ])('%s', (method, body, expected) => {
    expect(toCurl({ method, url: 'http://h/x', headers: {}, ...(body ? { body } : {}) })).toBe(expected);
  });

  it('keeps multi-line bodies on one line', () => {
    const line = toCurl({ method: 'POST', url: 'http://h/', headers: {}, body: 'a\nb' });
    expect(line).not.toContain('\n');
  });

  // The shell itself is the judge of quoting: each quoted value must come back byte for byte.
  it.each(['plain', '', "it's", 'a b', '$HOME `x` "q" \\ !', 'line\nbreak\ttab\r', 'ctl\u0001\u007f', 'ünïcødé ✓', "'\n'"])(
    'shell round-trips %j',
    (value) => {
      const echoed = execFileSync('bash', ['-c', `printf '%s' ${shellQuote(value)}`], { encoding: 'utf8' });
      expect(echoed).toBe(value);
    },
  );
});

describe('redactExchange', () => {
  it('redacts both sides and drops the parsed body', () => {
    const exchange = redactExchange({
      caseId: 'c',
      correlationId: 'x',
      request: { method: 'GET', url: 'http://h/?api_key=abcdef123', headers: { authorization: 'Bearer tok-123456' } },
      response: { status: 200, headers: { 'set-cookie': 'sid=s-1; Path=/' }, body: '{"echo":"tok-123456"}', json: { echo: 'tok-123456' }, truncated: false },
      startedAt: 1,
      durationMs: 2,
      retries: 0,
    });
    const text = JSON.stringify(exchange);
    for (const secret of ['abcdef123', 'tok-123456', 's-1']) expect(text).not.toContain(secret);
    expect(exchange.response).toEqual({ status: 200, headers: { 'set-cookie': `sid=${REDACTED}; Path=/` }, body: `{"echo":"${REDACTED}"}`, truncated: false });
    expect(exchange.durationMs).toBe(2);
  });
});

describe('redactFinding', () => {
  it('scrubs a secret with a quote from the curl line too', async () => {
    const { redactFinding } = await import('../../../../src/execution/redaction/redact-finding.js');
    const { finding } = await import('../../report/fixtures.js');
    const secret = "it's-a-secret-token";
    const written = redactFinding(
      finding({ request: { method: 'POST', url: 'http://h/', headers: { authorization: `Bearer ${secret}` }, body: `{"t":"${secret}"}` } }),
    );
    expect(written.curl).toBe(`curl -g -X POST http://h/ -H 'authorization: Bearer [REDACTED]' --data-binary '{"t":"[REDACTED]"}'`);
    expect(JSON.stringify(written)).not.toContain('secret-token');
  });
});
