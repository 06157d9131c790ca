// The engine's agents, each with a line on what it does (the names are the API's `agents` values).
export const AGENTS = [
  { name: 'positive', line: 'Valid requests from the schemas: does every operation answer as documented?', byDefault: true },
  { name: 'negative', line: 'Invalid input (wrong types, missing fields, bad methods): is it refused with a 4xx?', byDefault: true },
  { name: 'stateful', line: 'Chains of calls (create, read, update, delete) that pass values along.', byDefault: true },
  { name: 'auth', line: 'Missing, wrong and other users’ credentials: authentication and object-level authorization.', byDefault: true },
  { name: 'injection', line: 'SQL, command, template and SSRF payloads in every parameter.', byDefault: true },
  { name: 'mocking', line: 'Realistic datasets per field name and format (what `sentinel mock` serves).', byDefault: false },
] as const;
