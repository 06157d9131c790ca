// Which header, query, cookie or JSON property names hold secrets. Whole words, so `author` and
// `keyword` stay readable while `api_key`, `X-Auth-Token`, `accessToken` and `sessionid` are hidden.
import type { ApiModel } from '../../spec/model.js';

/** Headers that carry credentials whatever the API calls its schemes. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key']);

/** Secret wherever they appear inside a name, even glued to other words (`mytoken`, `db_password`). */
const SECRET_FRAGMENTS = ['token', 'secret', 'password', 'passwd', 'session', 'credential', 'signature', 'apikey'];

/** Secret as a whole word only: `key` but not `keyword`/`monkey`; `auth`, `authorization` but not `author`. */
const SECRET_WORD = /^(key|pwd|jwt|bearer|auth(?!or(?!i[sz]ation)).*)$/;

/** Names that look secret but carry none, and whose value a reproduction needs (or a reader wants). */
const NOT_SECRET = new Set(['www-authenticate', 'proxy-authenticate', 'idempotency-key', 'x-idempotency-key']);

export function isSecretName(name: string, extraNames: readonly string[] = []): boolean {
  const lower = name.toLowerCase();
  if (SECRET_HEADERS.has(lower)) return true;
  if (extraNames.some((extra) => extra.toLowerCase() === lower)) return true;
  if (NOT_SECRET.has(lower)) return false;
  if (SECRET_FRAGMENTS.some((fragment) => lower.includes(fragment))) return true;
  return wordsOf(name).some((word) => SECRET_WORD.test(word) || KEY_COMPOUNDS.has(word));
}

/** One-word compounds ending in `key` that are credentials. */
const KEY_COMPOUNDS = new Set(['accesskey', 'secretkey', 'privatekey', 'clientkey', 'authkey', 'appkey', 'devkey', 'subscriptionkey']);

function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** The parameter names of the description's apiKey security schemes (they may be named anything). */
export function secretParamNames(model: Pick<ApiModel, 'securitySchemes'>): string[] {
  const names: string[] = [];
  for (const scheme of Object.values(model.securitySchemes)) {
    if (scheme.type === 'apiKey' && 'name' in scheme) names.push(scheme.name);
  }
  return names;
}
