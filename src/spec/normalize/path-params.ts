// Path templates against declared path parameters: sloppy descriptions are loaded with a warning.
import type { Parameter } from '../model.js';
import { type NormalizeContext, warn } from './context.js';

export function templateNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
}

/**
 * A name in the template but not declared gets a synthesized required string parameter (the request can
 * still be built); a declared path parameter absent from the template is dropped (it cannot be sent).
 */
export function reconcilePathParameters(path: string, parameters: Parameter[], pointer: string, ctx: NormalizeContext): Parameter[] {
  const names = templateNames(path);
  const inTemplate = new Set(names);
  const kept = parameters.filter((parameter) => {
    if (parameter.in !== 'path' || inTemplate.has(parameter.name)) return true;
    warn(ctx, 'path-parameter-not-in-template', `path parameter "${parameter.name}" is declared but ${path} has no {${parameter.name}}; ignored`, parameter.pointer);
    return false;
  });
  const declared = new Set(kept.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name));
  for (const name of names) {
    if (declared.has(name)) continue;
    declared.add(name);
    warn(ctx, 'undeclared-path-parameter', `{${name}} in ${path} is not declared as a path parameter; assuming a required string`, pointer);
    kept.push({
      name,
      in: 'path',
      required: true,
      style: 'simple',
      explode: false,
      allowReserved: false,
      deprecated: false,
      schema: { type: 'string' },
      examples: [],
      pointer,
    });
  }
  return kept;
}
