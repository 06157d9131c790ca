// Every agent is a pure function from the model (and the operations selected for this run) to planned work.
import type { ApiModel, Operation } from '../spec/model.js';
import type { IdentityInfo } from '../core/identity-info.js';
import type { AgentName, Scenario, TestCase } from '../core/test-case.js';

export interface AgentContext {
  seed: number;
  /** Upper bound on generated examples per operation (positive) and per parameter (negative). */
  maxExamples: number;
  identities: IdentityInfo[];
  /** Base URL of the SSRF canary the engine started for this run (the injection agent points URL inputs at it). */
  canaryUrl?: string;
  /**
   * The default identity's bearer token, only when it is a JWT: the auth agent sends tampered copies of it
   * (alg none, changed signature, expired) through `authOverride`. Without it, forged tokens are used.
   */
  defaultBearerToken?: string;
}

export interface AgentOutput {
  cases: TestCase[];
  scenarios: Scenario[];
  /** What the agent could not plan and why, shown in the summary (never silently skipped). */
  notes: string[];
}

export interface Agent {
  name: AgentName;
  description: string;
  plan(model: ApiModel, operations: Operation[], context: AgentContext): AgentOutput;
}
