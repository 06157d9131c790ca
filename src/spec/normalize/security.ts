// Security schemes (OpenAPI 3 components.securitySchemes, Swagger 2 securityDefinitions) and requirements.
import type { OAuthFlow, SecurityRequirement, SecurityScheme } from '../model.js';
import { asArray, asObj, describeValue, isObj, optionalString, stringList, type NormalizeContext, type Obj, warn } from './context.js';

/** Swagger 2 flow names → OpenAPI 3 flow names. */
const SWAGGER_FLOWS: Record<string, string> = {
  implicit: 'implicit',
  password: 'password',
  application: 'clientCredentials',
  accessCode: 'authorizationCode',
};

export function securitySchemes(doc: Obj, ctx: NormalizeContext): Record<string, SecurityScheme> {
  const swagger = ctx.dialect === 'swagger-2.0';
  const source = swagger ? asObj(doc.securityDefinitions) : asObj(asObj(doc.components).securitySchemes);
  const base = swagger ? '/securityDefinitions' : '/components/securitySchemes';
  const out: Record<string, SecurityScheme> = {};
  for (const [name, raw] of Object.entries(source)) {
    if (!isObj(raw)) continue;
    const scheme = swagger ? swaggerScheme(raw) : openApiScheme(raw);
    if (scheme) out[name] = scheme;
    else warn(ctx, 'unknown-security-scheme', `security scheme "${name}" has unsupported type ${describeValue(raw.type)}; ignored`, `${base}/${name}`);
  }
  return out;
}

function described(scheme: SecurityScheme, raw: Obj): SecurityScheme {
  const description = optionalString(raw.description);
  return description === undefined ? scheme : { ...scheme, description };
}

function openApiScheme(raw: Obj): SecurityScheme | undefined {
  switch (raw.type) {
    case 'http': {
      const scheme = (optionalString(raw.scheme) ?? 'bearer').toLowerCase();
      if (scheme === 'bearer') {
        const bearerFormat = optionalString(raw.bearerFormat);
        return described({ type: 'http', scheme: 'bearer', ...(bearerFormat ? { bearerFormat } : {}) }, raw);
      }
      return described({ type: 'http', scheme }, raw);
    }
    case 'apiKey':
      return apiKey(raw);
    case 'oauth2': {
      const flows: Record<string, OAuthFlow> = {};
      for (const [flow, value] of Object.entries(asObj(raw.flows))) flows[flow] = oauthFlow(asObj(value));
      return described({ type: 'oauth2', flows }, raw);
    }
    case 'openIdConnect':
      return described({ type: 'openIdConnect', openIdConnectUrl: optionalString(raw.openIdConnectUrl) ?? '' }, raw);
    case 'mutualTLS':
      return described({ type: 'mutualTLS' }, raw);
    default:
      return undefined;
  }
}

function swaggerScheme(raw: Obj): SecurityScheme | undefined {
  switch (raw.type) {
    case 'basic':
      return described({ type: 'http', scheme: 'basic' }, raw);
    case 'apiKey':
      return apiKey(raw);
    case 'oauth2': {
      const flow = SWAGGER_FLOWS[optionalString(raw.flow) ?? ''] ?? 'implicit';
      return described({ type: 'oauth2', flows: { [flow]: oauthFlow(raw) } }, raw);
    }
    default:
      return undefined;
  }
}

function apiKey(raw: Obj): SecurityScheme | undefined {
  const where: 'header' | 'query' | 'cookie' = raw.in === 'query' || raw.in === 'cookie' ? raw.in : 'header';
  return described({ type: 'apiKey', in: where, name: optionalString(raw.name) ?? '' }, raw);
}

function oauthFlow(raw: Obj): OAuthFlow {
  const scopes: Record<string, string> = {};
  for (const [scope, description] of Object.entries(asObj(raw.scopes))) scopes[scope] = String(description ?? '');
  const flow: OAuthFlow = { scopes };
  for (const key of ['authorizationUrl', 'tokenUrl', 'refreshUrl'] as const) {
    const url = optionalString(raw[key]);
    if (url !== undefined) flow[key] = url;
  }
  return flow;
}

/** Requirements as written; a requirement naming an undefined scheme is a warning (it can never be met). */
export function securityRequirements(list: unknown, pointer: string, schemes: Record<string, SecurityScheme>, ctx: NormalizeContext): SecurityRequirement[] {
  return asArray(list).filter(isObj).map((requirement, index) => {
    const out: SecurityRequirement = {};
    for (const [name, scopes] of Object.entries(requirement)) {
      if (!(name in schemes)) warn(ctx, 'undefined-security-scheme', `security requirement names undefined scheme "${name}"`, `${pointer}/${index}/${name}`);
      out[name] = stringList(scopes);
    }
    return out;
  });
}
