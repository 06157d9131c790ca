// The new-run form: specification and version, target, agents, credentials (write-only: they are sent,
// never read back), and the engine's options. It builds the body of POST /api/v1/test-runs.
import { useState, type FormEvent } from 'react';
import type { Specification } from '../api/types.js';
import { AGENTS } from './agents.js';

export interface StartRunBody {
  specificationId: string;
  baseUrl: string;
  agents: string[];
  seed?: number;
  maxExamples?: number;
  concurrency?: number;
  include?: string[];
  exclude?: string[];
  headers?: Record<string, string>;
  identities?: { name: string; role: 'admin' | 'user' | 'low'; headers: Record<string, string> }[];
}

interface IdentityDraft {
  name: string;
  role: 'admin' | 'user' | 'low';
  header: string;
  value: string;
}

const lines = (text: string) =>
  text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

function integer(text: string, field: string, min: number, max: number, errors: string[]): number | undefined {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) errors.push(`${field} must be a whole number from ${min} to ${max}.`);
  return value;
}

/** The request body, or the problems that stop it. */
export function buildRunBody(form: {
  specificationId: string;
  baseUrl: string;
  agents: string[];
  seed: string;
  maxExamples: string;
  concurrency: string;
  include: string;
  exclude: string;
  headerName: string;
  headerValue: string;
  identities: IdentityDraft[];
}): { body?: StartRunBody; errors: string[] } {
  const errors: string[] = [];
  if (form.specificationId === '') errors.push('Choose a specification.');
  if (!/^https?:\/\/\S+$/.test(form.baseUrl.trim())) errors.push('The base URL must start with http:// or https://.');
  if (form.agents.length === 0) errors.push('Choose at least one agent.');
  const seed = integer(form.seed, 'Seed', 0, 2147483647, errors);
  const maxExamples = integer(form.maxExamples, 'Max examples', 1, 1000, errors);
  const concurrency = integer(form.concurrency, 'Concurrency', 1, 64, errors);
  const headerName = form.headerName.trim();
  if ((headerName === '') !== (form.headerValue === '')) errors.push('A credential needs both a header name and a value.');
  const identities = form.identities.map((identity, index) => {
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(identity.name)) errors.push(`Identity ${index + 1}: the name takes letters, digits, “_”, “.” and “-”.`);
    if (identity.header.trim() === '' || identity.value === '') errors.push(`Identity ${index + 1}: give the header and its value.`);
    return { name: identity.name, role: identity.role, headers: { [identity.header.trim()]: identity.value } };
  });
  if (errors.length > 0) return { errors };
  const include = lines(form.include);
  const exclude = lines(form.exclude);
  return {
    errors,
    body: {
      specificationId: form.specificationId,
      baseUrl: form.baseUrl.trim(),
      agents: form.agents,
      ...(seed !== undefined ? { seed } : {}),
      ...(maxExamples !== undefined ? { maxExamples } : {}),
      ...(concurrency !== undefined ? { concurrency } : {}),
      ...(include.length > 0 ? { include } : {}),
      ...(exclude.length > 0 ? { exclude } : {}),
      ...(headerName !== '' ? { headers: { [headerName]: form.headerValue } } : {}),
      ...(identities.length > 0 ? { identities } : {}),
    },
  };
}

export function RunForm({ specifications, initialSpecificationId, onSubmit, busy, serverError }: { specifications: Specification[]; initialSpecificationId?: string; onSubmit: (body: StartRunBody) => void; busy?: boolean; serverError?: string }) {
  const names = [...new Set(specifications.map((spec) => spec.name))];
  const initial = specifications.find((spec) => spec.id === initialSpecificationId) ?? specifications[0];
  const [name, setName] = useState(initial?.name ?? '');
  const [specificationId, setSpecificationId] = useState(initial?.id ?? '');
  const [baseUrl, setBaseUrl] = useState('');
  const [agents, setAgents] = useState<string[]>(AGENTS.filter((agent) => agent.byDefault).map((agent) => agent.name));
  const [seed, setSeed] = useState('');
  const [maxExamples, setMaxExamples] = useState('');
  const [concurrency, setConcurrency] = useState('');
  const [include, setInclude] = useState('');
  const [exclude, setExclude] = useState('');
  const [headerName, setHeaderName] = useState('Authorization');
  const [headerValue, setHeaderValue] = useState('');
  const [identities, setIdentities] = useState<IdentityDraft[]>([]);
  const [errors, setErrors] = useState<string[]>([]);
  const versions = specifications.filter((spec) => spec.name === name).sort((a, b) => b.version - a.version);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = buildRunBody({ specificationId, baseUrl, agents, seed, maxExamples, concurrency, include, exclude, headerName: headerValue === '' ? '' : headerName, headerValue, identities });
    setErrors(result.errors);
    if (result.body) onSubmit(result.body);
  };
  const updateIdentity = (index: number, change: Partial<IdentityDraft>) => setIdentities(identities.map((identity, at) => (at === index ? { ...identity, ...change } : identity)));

  return (
    <form className="card run-form" onSubmit={submit} noValidate aria-label="New run">
      <fieldset>
        <legend>What to test</legend>
        <div className="grid2">
          <label>
            Specification
            <select
              value={name}
              onChange={(event) => {
                setName(event.target.value);
                const newest = specifications.filter((spec) => spec.name === event.target.value).sort((a, b) => b.version - a.version)[0];
                setSpecificationId(newest?.id ?? '');
              }}
            >
              {names.map((option) => (
                <option key={option}>{option}</option>
              ))}
            </select>
          </label>
          <label>
            Version
            <select value={specificationId} onChange={(event) => setSpecificationId(event.target.value)}>
              {versions.map((spec) => (
                <option key={spec.id} value={spec.id}>
                  v{spec.version}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label>
          Target base URL
          <input type="url" value={baseUrl} onChange={(event) => setBaseUrl(event.target.value)} placeholder="http://127.0.0.1:8080/api" required />
        </label>
      </fieldset>
      <fieldset>
        <legend>Agents</legend>
        <ul className="agents">
          {AGENTS.map((agent) => (
            <li key={agent.name}>
              <label className="check">
                <input
                  type="checkbox"
                  checked={agents.includes(agent.name)}
                  onChange={(event) => setAgents(event.target.checked ? [...agents, agent.name] : agents.filter((name) => name !== agent.name))}
                />
                <span>
                  <strong>{agent.name}</strong> <span className="muted">{agent.line}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset>
        <legend>Credentials (write-only: stored encrypted, never shown again)</legend>
        <div className="grid2">
          <label>
            Header name
            <input value={headerName} onChange={(event) => setHeaderName(event.target.value)} autoComplete="off" />
          </label>
          <label>
            Header value
            <input type="password" value={headerValue} onChange={(event) => setHeaderValue(event.target.value)} autoComplete="new-password" placeholder={headerValue ? '' : 'not set'} />
          </label>
        </div>
        {identities.map((identity, index) => (
          <div className="identity" key={index} role="group" aria-label={`Identity ${index + 1}`}>
            <label>
              Name
              <input value={identity.name} onChange={(event) => updateIdentity(index, { name: event.target.value })} />
            </label>
            <label>
              Role
              <select value={identity.role} onChange={(event) => updateIdentity(index, { role: event.target.value as IdentityDraft['role'] })}>
                <option value="user">user</option>
                <option value="admin">admin</option>
                <option value="low">low</option>
              </select>
            </label>
            <label>
              Header
              <input value={identity.header} onChange={(event) => updateIdentity(index, { header: event.target.value })} />
            </label>
            <label>
              Value
              <input type="password" autoComplete="new-password" value={identity.value} onChange={(event) => updateIdentity(index, { value: event.target.value })} />
            </label>
            <button type="button" onClick={() => setIdentities(identities.filter((_, at) => at !== index))} aria-label={`Remove identity ${index + 1}`}>
              Remove
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setIdentities([...identities, { name: `user${identities.length + 2}`, role: 'user', header: 'Authorization', value: '' }])}>
          Add an identity
        </button>
      </fieldset>
      <fieldset>
        <legend>Options</legend>
        <div className="grid3">
          <label>
            Seed
            <input inputMode="numeric" value={seed} onChange={(event) => setSeed(event.target.value)} placeholder="random" />
          </label>
          <label>
            Max examples
            <input inputMode="numeric" value={maxExamples} onChange={(event) => setMaxExamples(event.target.value)} placeholder="default" />
          </label>
          <label>
            Concurrency
            <input inputMode="numeric" value={concurrency} onChange={(event) => setConcurrency(event.target.value)} placeholder="default" />
          </label>
        </div>
        <div className="grid2">
          <label>
            Include (one filter a line: tag:pets, path:/pets*)
            <textarea rows={2} value={include} onChange={(event) => setInclude(event.target.value)} />
          </label>
          <label>
            Exclude
            <textarea rows={2} value={exclude} onChange={(event) => setExclude(event.target.value)} />
          </label>
        </div>
      </fieldset>
      {(errors.length > 0 || serverError) && (
        <div className="error-text" role="alert">
          <ul>
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
            {serverError && <li>{serverError}</li>}
          </ul>
        </div>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Starting…' : 'Start the run'}
      </button>
    </form>
  );
}
