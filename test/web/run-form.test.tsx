// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Specification } from '../../web/src/api/types.js';
import { buildRunBody, RunForm, type StartRunBody } from '../../web/src/features/run-form.js';

const spec = (id: string, name: string, version: number): Specification => ({ id, name, version, source: 'upload', title: name, lintScore: 90, operationCount: 3, createdAt: '2026-01-01T00:00:00Z' });
const SPECS = [spec('s1', 'shop', 1), spec('s2', 'shop', 2), spec('p1', 'pets', 1)];

afterEach(cleanup);

describe('RunForm', () => {
  it('sends the chosen version, target, agents, options and write-only credentials', () => {
    const submitted = vi.fn<(body: StartRunBody) => void>();
    render(<RunForm specifications={SPECS} initialSpecificationId="s1" onSubmit={submitted} />);
    expect((screen.getByLabelText('Version') as HTMLSelectElement).value).toBe('s1');
    fireEvent.change(screen.getByLabelText('Version'), { target: { value: 's2' } });
    fireEvent.change(screen.getByLabelText('Target base URL'), { target: { value: 'http://127.0.0.1:9000/api' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /injection/ }));
    fireEvent.change(screen.getByLabelText('Header value'), { target: { value: 'Bearer secret-token' } });
    expect((screen.getByLabelText('Header value') as HTMLInputElement).type).toBe('password');
    fireEvent.click(screen.getByRole('button', { name: 'Add an identity' }));
    fireEvent.change(screen.getByLabelText('Value'), { target: { value: 'Bearer bob' } });
    fireEvent.change(screen.getByLabelText('Seed'), { target: { value: '7' } });
    fireEvent.change(screen.getByLabelText('Max examples'), { target: { value: '5' } });
    fireEvent.change(screen.getByLabelText(/^Include/), { target: { value: 'tag:orders\npath:/pets*' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start the run' }));
    expect(submitted).toHaveBeenCalledWith({
      specificationId: 's2',
      baseUrl: 'http://127.0.0.1:9000/api',
      agents: ['positive', 'negative', 'stateful', 'auth'],
      seed: 7,
      maxExamples: 5,
      include: ['tag:orders', 'path:/pets*'],
      headers: { Authorization: 'Bearer secret-token' },
      identities: [{ name: 'user2', role: 'user', headers: { Authorization: 'Bearer bob' } }],
    });
  });

  it('picking another specification selects its newest version', () => {
    render(<RunForm specifications={SPECS} onSubmit={() => undefined} />);
    fireEvent.change(screen.getByLabelText('Specification'), { target: { value: 'pets' } });
    expect((screen.getByLabelText('Version') as HTMLSelectElement).value).toBe('p1');
  });

  it('says what is wrong instead of sending a bad run', () => {
    const submitted = vi.fn();
    render(<RunForm specifications={SPECS} onSubmit={submitted} />);
    fireEvent.change(screen.getByLabelText('Target base URL'), { target: { value: 'ftp://nope' } });
    fireEvent.change(screen.getByLabelText('Concurrency'), { target: { value: '500' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start the run' }));
    expect(submitted).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('The base URL must start with http:// or https://.');
    expect(screen.getByRole('alert').textContent).toContain('Concurrency must be a whole number from 1 to 64.');
  });

  it('buildRunBody leaves out what was not given', () => {
    const result = buildRunBody({ specificationId: 's1', baseUrl: ' http://x.test ', agents: ['positive'], seed: '', maxExamples: '', concurrency: '', include: '', exclude: '', headerName: '', headerValue: '', identities: [] });
    expect(result).toEqual({ errors: [], body: { specificationId: 's1', baseUrl: 'http://x.test', agents: ['positive'] } });
  });
});
