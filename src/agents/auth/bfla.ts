// bfla: operations privileged by their shape, called by an identity whose role is lower ('user', 'low').
// What they act on is created first by the default identity, so a 2xx can only mean "allowed".
import type { IdentityInfo } from '../../core/identity-info.js';
import type { Scenario } from '../../core/test-case.js';
import type { ApiModel, Operation } from '../../spec/model.js';
import { ScenarioBuilder, type PlanningContext } from '../stateful/scenario-builder.js';
import { withBodyValue } from '../stateful/valid-request.js';
import { escalatedValue, roleFields } from './privilege.js';

export function bflaScenario(model: ApiModel, ctx: PlanningContext, operation: Operation, reason: string, attacker: IdentityInfo): Scenario {
  const id = `auth:bfla:${operation.key}:${attacker.name}`;
  const builder = new ScenarioBuilder(ctx, id, 'auth');
  const request = { ...builder.request(operation).request, identity: attacker.name };
  if (request.body !== undefined) {
    for (const field of roleFields(model, operation)) {
      const value = escalatedValue(field.schema);
      if (value !== undefined) request.body = { ...request.body, value: withBodyValue(request.body.value, field.pointer, value) };
    }
  }
  const step = builder.add('attacker', operation, request, {
    title: `${attacker.name} (role ${attacker.role}) calls ${operation.key}`,
    checks: ['bfla'],
  });
  step.case.mutation = {
    location: 'header',
    target: 'identity',
    constraint: 'lower_privilege',
    description: `privileged because ${reason}; sent as ${attacker.name} (role ${attacker.role})`,
  };
  return {
    id,
    agent: 'auth',
    title: `${attacker.name} (role ${attacker.role}) reaches privileged ${operation.key}`,
    kind: 'bfla',
    operation: operation.key,
    steps: builder.steps,
    checks: ['bfla'],
  };
}
