// An agent: sends each operation once with a header the API has no reason to read. A well-behaved API
// ignores it; a 5xx or an undocumented status (judged by the built-in checks) says it did not.
const HEADER = 'x-sentinel-ignore-me';

/** A value for a schema: its example, default or first enum value, else a plain one of its type. */
function sample(schema) {
  if (schema === undefined || schema === null) return 'example';
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'integer' || type === 'number') return schema.minimum ?? 1;
  if (type === 'boolean') return true;
  if (type === 'array') return [];
  if (type === 'object') {
    const value = {};
    for (const name of schema.required ?? []) value[name] = sample(schema.properties?.[name]);
    return value;
  }
  return 'example';
}

export default {
  name: 'ignored_header',
  plan(model, ctx) {
    const selected = new Set(ctx.operations);
    return model.operations
      .filter((operation) => selected.has(operation.key))
      .map((operation) => {
        const request = { method: operation.method, pathParams: {}, query: {}, headers: { [HEADER]: 'please ignore' }, cookies: {} };
        for (const parameter of operation.parameters) {
          if (parameter.in === 'path') request.pathParams[parameter.name] = sample(parameter.schema);
          else if (parameter.required && parameter.in === 'query') request.query[parameter.name] = sample(parameter.schema);
          else if (parameter.required && parameter.in === 'header') request.headers[parameter.name] = String(sample(parameter.schema));
        }
        const content = operation.requestBody?.content.find((entry) => entry.mediaType.includes('json'));
        if (content !== undefined) request.body = { mediaType: content.mediaType, value: content.examples[0] ?? sample(content.schema) };
        return {
          id: `ignored_header ${operation.key}`,
          operation: operation.key,
          title: `${operation.key} with an extra header (${HEADER}) it should ignore`,
          expectation: 'any',
          request,
        };
      });
  },
};
