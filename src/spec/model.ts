// The normalized API model: every dialect (Swagger 2.0, OpenAPI 3.0, 3.1, 3.2) loads into this shape,
// so nothing after the Spec Service ever looks at the source version.

/**
 * A JSON Schema, always in the 2020-12 dialect (OAS 3.0 `nullable`, boolean `exclusiveMinimum`,
 * Swagger 2 `type: file` and friends are converted on load). References are resolved in place; a
 * `$ref` remains only where a schema is recursive, as `{ "$ref": "urn:sentinel:defs#/$defs/<key>" }`,
 * whose target is `ApiModel.schemaDefs[<key>]` (see `SCHEMA_DEFS_ID`).
 */
export type JsonSchema = { [keyword: string]: unknown } | boolean;

/** The `$id` under which `ApiModel.schemaDefs` are registered with a validator. */
export const SCHEMA_DEFS_ID = 'urn:sentinel:defs';

export type Dialect = 'swagger-2.0' | 'openapi-3.0' | 'openapi-3.1' | 'openapi-3.2';

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace' | 'query';

export interface ApiModel {
  /** Where the description came from: a file path, a URL or `<stdin>`. */
  source: string;
  dialect: Dialect;
  /** The version string as written: `2.0`, `3.0.3`, `3.1.0`... */
  specVersion: string;
  info: { title: string; version: string; description?: string };
  servers: Server[];
  operations: Operation[];
  securitySchemes: Record<string, SecurityScheme>;
  /** Global security requirements; an operation's own `security` overrides them. */
  security: SecurityRequirement[];
  webhooks: Webhook[];
  /** Targets of the `$ref`s left in recursive schemas, keyed as in `urn:sentinel:defs#/$defs/<key>`. */
  schemaDefs: Record<string, JsonSchema>;
  /** Sloppy but loadable parts of the description. */
  warnings: SpecDiagnostic[];
}

export interface Server {
  /** With variables substituted by their defaults; Swagger 2's schemes + host + basePath. */
  url: string;
  description?: string;
  variables?: Record<string, { default: string; enum?: string[]; description?: string }>;
}

export interface Operation {
  /** `"METHOD /path/template"` with the method upper-cased and the path as written in the spec. */
  key: string;
  method: HttpMethod;
  path: string;
  operationId?: string;
  tags: string[];
  summary?: string;
  description?: string;
  deprecated: boolean;
  /** Path-level and operation-level parameters merged (operation wins on name + location). */
  parameters: Parameter[];
  requestBody?: RequestBody;
  responses: Response[];
  /** `undefined` means the global requirements apply; `[]` means explicitly public. */
  security?: SecurityRequirement[];
  /** Per-operation servers, when the description overrides the global ones. */
  servers?: Server[];
  links: Link[];
  /** JSON pointer of the operation in the source document, e.g. `/paths/~1pets~1{id}/get`. */
  pointer: string;
  /** `x-` extensions of the operation, as written. */
  extensions: Record<string, unknown>;
}

export type ParameterLocation = 'path' | 'query' | 'header' | 'cookie';

export type ParameterStyle =
  | 'matrix'
  | 'label'
  | 'simple'
  | 'form'
  | 'spaceDelimited'
  | 'pipeDelimited'
  | 'deepObject'
  | 'cookie';

export interface Parameter {
  name: string;
  in: ParameterLocation;
  required: boolean;
  /** Defaults applied: `simple` for path/header, `form` for query/cookie. */
  style: ParameterStyle;
  /** Defaults applied: true for `form`, false otherwise. */
  explode: boolean;
  allowReserved: boolean;
  deprecated: boolean;
  description?: string;
  schema: JsonSchema;
  /** Parameter-level `example`/`examples` values (not the schema's). */
  examples: unknown[];
  /** Set when the parameter uses `content` instead of `schema` (serialized as that media type). */
  contentType?: string;
  pointer: string;
}

export interface RequestBody {
  required: boolean;
  description?: string;
  content: MediaTypeContent[];
  pointer: string;
}

export interface MediaTypeContent {
  /** `application/json`, `application/x-www-form-urlencoded`, `multipart/form-data`... */
  mediaType: string;
  schema: JsonSchema;
  examples: unknown[];
  /** Per-property encoding (form and multipart bodies). */
  encoding?: Record<string, { contentType?: string; style?: ParameterStyle; explode?: boolean; headers?: Record<string, Header> }>;
}

export interface Response {
  /** `"200"`, a range `"2XX"`, or `"default"`. */
  status: string;
  description?: string;
  headers: Record<string, Header>;
  content: MediaTypeContent[];
  links: Link[];
  pointer: string;
}

export interface Header {
  required: boolean;
  schema: JsonSchema;
  description?: string;
  deprecated: boolean;
}

export interface Link {
  name: string;
  /** The response status the link belongs to. */
  status: string;
  operationId?: string;
  operationRef?: string;
  /** Parameter name → runtime expression (`$response.body#/id`) or constant. */
  parameters: Record<string, unknown>;
  requestBody?: unknown;
  description?: string;
}

export type SecurityScheme =
  | { type: 'http'; scheme: 'bearer'; bearerFormat?: string; description?: string }
  | { type: 'http'; scheme: 'basic'; description?: string }
  | { type: 'http'; scheme: string; description?: string }
  | { type: 'apiKey'; in: 'header' | 'query' | 'cookie'; name: string; description?: string }
  | { type: 'oauth2'; flows: Record<string, OAuthFlow>; description?: string }
  | { type: 'openIdConnect'; openIdConnectUrl: string; description?: string }
  | { type: 'mutualTLS'; description?: string };

export interface OAuthFlow {
  authorizationUrl?: string;
  tokenUrl?: string;
  refreshUrl?: string;
  scopes: Record<string, string>;
}

/** Scheme name → required scopes. All schemes of one requirement apply together; requirements are alternatives. */
export type SecurityRequirement = Record<string, string[]>;

export interface Webhook {
  name: string;
  method: HttpMethod;
  operationId?: string;
  summary?: string;
  pointer: string;
}

export type DiagnosticSeverity = 'error' | 'warning';

export interface SpecDiagnostic {
  severity: DiagnosticSeverity;
  /** Stable kebab-case code, e.g. `undeclared-path-parameter`. */
  code: string;
  message: string;
  /** JSON pointer into the source document. */
  pointer: string;
  /** The file the pointer refers to (differs from `ApiModel.source` for external `$ref`s). */
  file?: string;
  /** 1-based line in that file, where known. */
  line?: number;
}
