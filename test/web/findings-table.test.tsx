// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { FindingsTable, type TableFinding } from '../../web/src/features/findings-table.js';

const FINDINGS: TableFinding[] = [
  { id: 'a', check: 'not_a_server_error', severity: 'high', operation: 'GET /orders', title: 'Server error on GET /orders', count: 3, agents: ['positive'], cause: '500' },
  { id: 'b', check: 'sql_injection', severity: 'critical', operation: 'GET /search', title: 'SQL error in the response', count: 1, agents: ['injection'], cause: 'sql' },
  { id: 'c', check: 'not_a_server_error', severity: 'high', operation: 'POST /orders', title: 'Server error on POST /orders', count: 2, agents: ['negative', 'positive'], cause: '500' },
  { id: 'd', check: 'response_time', severity: 'low', operation: 'GET /categories', title: 'Slow answer', count: 1, agents: ['positive'], cause: 'slow' },
];

const rows = () => within(screen.getByRole('region', { name: 'Findings' })).getAllByRole('row').slice(1);
const titles = () => rows().map((row) => within(row).queryByRole('link')?.textContent ?? row.textContent);

afterEach(cleanup);

describe('FindingsTable', () => {
  it('lists the findings worst first, each linking to its page', () => {
    render(<FindingsTable findings={FINDINGS} runId="run-1" />);
    expect(titles()).toEqual(['SQL error in the response', 'Server error on GET /orders', 'Server error on POST /orders', 'Slow answer']);
    expect(screen.getByRole('link', { name: 'Slow answer' }).getAttribute('href')).toBe('/runs/run-1/findings/d');
  });

  it('filters by check, severity, operation and agent', () => {
    render(<FindingsTable findings={FINDINGS} runId="run-1" />);
    fireEvent.change(screen.getByLabelText('Check'), { target: { value: 'not_a_server_error' } });
    expect(titles()).toEqual(['Server error on GET /orders', 'Server error on POST /orders']);
    fireEvent.change(screen.getByLabelText('Agent'), { target: { value: 'negative' } });
    expect(titles()).toEqual(['Server error on POST /orders']);
    expect(screen.getByText('1 of 4 findings shown')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Check'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Agent'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Severity'), { target: { value: 'low' } });
    expect(titles()).toEqual(['Slow answer']);
    fireEvent.change(screen.getByLabelText('Severity'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Operation'), { target: { value: 'GET /search' } });
    expect(titles()).toEqual(['SQL error in the response']);
  });

  it('sorts by a column, and the other way on a second click', () => {
    render(<FindingsTable findings={FINDINGS} runId="run-1" />);
    fireEvent.click(screen.getByRole('button', { name: 'Seen' }));
    expect(rows().map((row) => row.lastElementChild!.textContent)).toEqual(['1', '1', '2', '3']);
    fireEvent.click(screen.getByRole('button', { name: /Seen/ }));
    expect(rows().map((row) => row.lastElementChild!.textContent)).toEqual(['3', '2', '1', '1']);
    expect(screen.getByRole('columnheader', { name: /Seen/ }).getAttribute('aria-sort')).toBe('descending');
  });

  it('groups similar findings (same check, same cause) under one heading', () => {
    render(<FindingsTable findings={FINDINGS} runId="run-1" />);
    fireEvent.click(screen.getByLabelText('Group similar findings'));
    const groups = screen.getAllByRole('rowheader').map((header) => header.textContent);
    expect(groups).toEqual(['sql_injection: sql (1)', 'not_a_server_error: 500 (2)', 'response_time: slow (1)']);
  });
});
