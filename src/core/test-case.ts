// A planned test case is plain JSON data: agents produce it, the executor runs it, the broker can carry it.

/** A built-in agent's name, or a user's agent loaded with `--plugin` (any name it exports). */
export type AgentName =
  | 'positive'
  | 'negative'
  | 'mocking'
  | 'stateful'
  | 'auth'
  | 'injection'
  | (string & {});

/** What the case expects of the API; checks use it to judge acceptance or rejection. */
export type Expectation =
  /** Valid input: a 2xx (or a documented non-error) is expected. */
  | 'accept'
  /** Invalid input: a 4xx is expected; a 2xx is a `negative_data_rejection` finding. */
  | 'reject'
  /** No opinion on the status; only conformance checks apply. */
  | 'any';

export interface PlannedBody {
  mediaType: string;
  /** A value serialized according to `mediaType` (JSON, form-urlencoded, multipart). */
  value?: unknown;
  /** Bytes sent exactly as given (malformed JSON, wrong content type probes). Wins over `value`. */
  raw?: string;
}

/** A request before serialization: values per parameter, not yet encoded by style. */
export interface PlannedRequest {
  /** Lower-case HTTP method; usually the operation's, but `unsupported_method` probes use others. */
  method: string;
  pathParams: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  cookies: Record<string, unknown>;
  body?: PlannedBody;
  /** Which identity's credentials to send; `null` sends none; `undefined` means the default identity. */
  identity?: string | null;
  /** Headers that replace the identity's credentials (tampered tokens). Sent verbatim. */
  authOverride?: Record<string, string>;
}

/** What a negative or boundary case changed, so findings can say which constraint was violated. */
export interface Mutation {
  location: 'path' | 'query' | 'header' | 'cookie' | 'body';
  /** Parameter name, or a JSON pointer into the body (`/address/zip`). */
  target: string;
  /** The violated or probed keyword: `maxLength`, `type`, `required`, `enum`, `format`... */
  constraint: string;
  description: string;
}

/**
 * What a probe's payload makes a vulnerable target do, written by the agent that built the payload so the
 * check judging it reads data instead of knowing how payloads are made.
 */
export interface ProbeExpectation {
  /** Text that appears only when the payload was executed (a shell echo's output, an obeyed prompt's answer). */
  marker?: string;
  /** The token a request to the canary carries when the target fetched the given URL. */
  canaryToken?: string;
  /** How long the payload asks the target to sleep, in milliseconds (time-based probes). */
  delayMs?: number;
}

export interface TestCase {
  /** Unique within a plan and stable for a seed. */
  id: string;
  agent: AgentName;
  /** `"METHOD /path/template"` as in `Operation.key`. */
  operation: string;
  title: string;
  expectation: Expectation;
  request: PlannedRequest;
  mutation?: Mutation;
  /** Check ids this case exists for (e.g. `unsupported_method`); empty means the default set. */
  checks?: string[];
  /** Injection probes: what the payload makes a vulnerable target do. */
  probe?: ProbeExpectation;
}

/** A step of a multi-request scenario: a request plus values to extract for later steps. */
export interface ScenarioStep {
  case: TestCase;
  /**
   * Variable name → where to read it: `$response.body#/id`, `$response.header.X-Ref`, or
   * `$response.header.Location#regex:<pattern>` (the first group of the first match, or the whole match,
   * percent-decoded; no match is a failed extraction).
   */
  extract: Record<string, string>;
  /**
   * Values in the request written as `{{name}}` (a whole string) are replaced with extracted variables
   * before the step is sent.
   */
  expectStatus?: 'success' | 'client_error' | 'not_found' | 'any';
}

export interface Scenario {
  id: string;
  agent: AgentName;
  title: string;
  /** `lifecycle`, `create_then_list`, `bola`, `sqli_time`... */
  kind: string;
  /** `"METHOD /path"` of the operation under test, for reports. */
  operation: string;
  steps: ScenarioStep[];
  /** Ids of the scenario checks that judge this scenario. */
  checks: string[];
}

export interface TestPlan {
  seed: number;
  cases: TestCase[];
  scenarios: Scenario[];
  /** What an agent could not plan and why (e.g. bola with a single identity). */
  notes: { agent: AgentName; message: string }[];
}
