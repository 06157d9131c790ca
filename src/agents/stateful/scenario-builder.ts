// Builds a scenario's steps: binds an operation's parameters to values extracted from earlier steps
// (`{{item_id}}`), creating what it refers to first (parents, referenced resources), recursively.
import type { AgentName, Expectation, PlannedRequest, ScenarioStep } from '../../core/test-case.js';
import type { ApiModel, Operation } from '../../spec/model.js';
import type { ValueGenerator } from '../data/values.js';
import { edgesInto, type DependencyEdge, type DependencyGraph } from './dependency-graph.js';
import { givesBareValue } from './location-id.js';
import { singular, variableName } from './naming.js';
import { stepCaseId } from '../../core/roles.js';
import { validRequest, withBodyValue } from './valid-request.js';

export interface PlanningContext {
  model: ApiModel;
  graph: DependencyGraph;
  generator: ValueGenerator;
  operations: Map<string, Operation>;
}

export interface StepOptions {
  title: string;
  expectation?: Expectation;
  expectStatus?: ScenarioStep['expectStatus'];
  extract?: Record<string, string>;
  checks?: string[];
}

/** Nesting of "create what this refers to" before the planner gives up (and uses generated values). */
const MAX_DEPTH = 4;

export class ScenarioBuilder {
  readonly steps: ScenarioStep[] = [];
  private readonly produced = new Map<string, string>();
  private readonly inProgress = new Set<string>();
  private readonly names = new Set<string>();
  private readonly boundParams = new Map<string, string>();
  private setups = 0;

  constructor(
    private readonly ctx: PlanningContext,
    readonly scenarioId: string,
    private readonly agent: AgentName,
    /** Who sends the setup steps (`undefined` = the default identity). */
    private readonly owner?: string,
  ) {}

  /** A valid request for `operation` with every resolvable reference bound; returns what stayed unbound. */
  request(operation: Operation, depth = 0): { request: PlannedRequest; unbound: string[] } {
    const request = validRequest(this.ctx.generator, operation);
    if (this.owner !== undefined) request.identity = this.owner;
    const unbound: string[] = [];
    for (const parameter of operation.parameters.filter((p) => p.in === 'path')) {
      const edge = this.usableEdge(operation, 'path', parameter.name);
      const variable = this.boundParams.get(parameter.name) ?? (edge && this.produce(edge, depth));
      if (variable === undefined) unbound.push(parameter.name);
      else request.pathParams[parameter.name] = `{{${variable}}}`;
    }
    for (const edge of this.ctx.graph.edges.filter((e) => e.consumer === operation.key && (e.target.in === 'body' || e.target.in === 'query'))) {
      const present = edge.target.in === 'body' ? request.body !== undefined && hasPointer(request.body.value, edge.target.name) : edge.target.name in request.query;
      if (!present) continue;
      const variable = this.produce(edge, depth);
      if (variable === undefined) continue;
      if (edge.target.in === 'query') request.query[edge.target.name] = `{{${variable}}}`;
      else request.body = { ...request.body!, value: withBodyValue(request.body!.value, edge.target.name, `{{${variable}}}`) };
    }
    return { request, unbound };
  }

  add(role: string, operation: Operation, request: PlannedRequest, options: StepOptions): ScenarioStep {
    const step: ScenarioStep = {
      case: {
        id: stepCaseId(this.scenarioId, role),
        agent: this.agent,
        operation: operation.key,
        title: options.title,
        expectation: options.expectation ?? 'any',
        request,
        ...(options.checks ? { checks: options.checks } : {}),
      },
      extract: options.extract ?? {},
      expectStatus: options.expectStatus ?? 'any',
    };
    this.steps.push(step);
    return step;
  }

  /** Marks `variable` as holding `producer`'s `value`, so later bindings reuse it instead of creating again. */
  remember(producer: string, value: string, variable: string): void {
    this.produced.set(`${producer} ${value}`, variable);
    this.names.add(variable);
  }

  /** From now on, path parameter `name` of every operation takes `variable` (an object picked from a list). */
  bindParameter(name: string, variable: string): void {
    this.boundParams.set(name, variable);
  }

  variableFor(operation: Operation, value: string): string {
    const segment = operation.path.split('/').filter((s) => s !== '' && !s.startsWith('{')).pop() ?? 'resource';
    // A pattern over a Location gives the new object's id (`ticket_id`, as a body `/id` would).
    const field = value.includes('#regex:') ? 'id' : (value.split(/[/.#]/).pop() ?? 'id');
    const base = variableName(singular(segment), field);
    let name = base;
    for (let n = 2; this.names.has(name); n++) name = `${base}_${n}`;
    this.names.add(name);
    return name;
  }

  private usableEdge(operation: Operation, location: 'path', name: string): DependencyEdge | undefined {
    // A whole Location header holds a URL; a path parameter needs the bare identifier.
    return edgesInto(this.ctx.graph, operation, { in: location, name }).find((e) => givesBareValue(e.value));
  }

  private produce(edge: DependencyEdge, depth: number): string | undefined {
    const key = `${edge.producer} ${edge.value}`;
    const known = this.produced.get(key);
    if (known !== undefined) return known;
    const producer = this.ctx.operations.get(edge.producer);
    if (producer === undefined || depth >= MAX_DEPTH || this.inProgress.has(producer.key)) return undefined;
    this.inProgress.add(producer.key);
    const { request, unbound } = this.request(producer, depth + 1);
    this.inProgress.delete(producer.key);
    if (unbound.length > 0) return undefined;
    const variable = this.variableFor(producer, edge.value);
    this.setups++;
    this.add(`setup-${this.setups}`, producer, request, {
      title: `Set up: ${producer.key}`,
      expectation: 'accept',
      expectStatus: 'success',
      extract: { [variable]: edge.value },
    });
    this.remember(edge.producer, edge.value, variable);
    return variable;
  }
}

function hasPointer(value: unknown, pointer: string): boolean {
  let cursor = value;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cursor === null || typeof cursor !== 'object' || !(token in (cursor as object))) return false;
    cursor = (cursor as Record<string, unknown>)[token];
  }
  return true;
}
