// A run's findings: filters (check, severity, operation, agent), sorting by column, and grouping of
// similar findings (the same check on the same cause), all in the browser over the run's findings.
import { useMemo, useState } from 'react';
import { SEVERITIES, type Finding, type Severity } from '../api/types.js';
import { SeverityBadge } from '../components/severity.js';
import { Link } from '../router.js';

export type TableFinding = Pick<Finding, 'check' | 'severity' | 'operation' | 'title' | 'count'> & { id?: string; agents?: string[]; cause?: string };
type SortKey = 'severity' | 'check' | 'operation' | 'count';

const RANK = Object.fromEntries(SEVERITIES.map((severity, index) => [severity, index])) as Record<Severity, number>;

const distinct = (values: string[]) => [...new Set(values)].sort();

export function FindingsTable({ findings, runId }: { findings: TableFinding[]; runId: string }) {
  const [check, setCheck] = useState('');
  const [severity, setSeverity] = useState('');
  const [operation, setOperation] = useState('');
  const [agent, setAgent] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'severity', descending: false });
  const [grouped, setGrouped] = useState(false);

  const shown = useMemo(() => {
    const kept = findings.filter(
      (finding) =>
        (check === '' || finding.check === check) &&
        (severity === '' || finding.severity === severity) &&
        (operation === '' || finding.operation === operation) &&
        (agent === '' || (finding.agents ?? []).includes(agent)),
    );
    const compare = (a: TableFinding, b: TableFinding): number => {
      const order =
        sort.key === 'severity' ? RANK[a.severity] - RANK[b.severity] : sort.key === 'count' ? a.count - b.count : a[sort.key].localeCompare(b[sort.key]);
      return (sort.descending ? -order : order) || RANK[a.severity] - RANK[b.severity] || a.operation.localeCompare(b.operation);
    };
    return [...kept].sort(compare);
  }, [findings, check, severity, operation, agent, sort]);

  const groups = useMemo(() => {
    if (!grouped) return [{ key: '', label: '', items: shown }];
    const byKey = new Map<string, TableFinding[]>();
    for (const finding of shown) {
      const key = `${finding.check}\u0000${finding.cause ?? finding.title}`;
      byKey.set(key, [...(byKey.get(key) ?? []), finding]);
    }
    return [...byKey].map(([key, items]) => ({ key, label: `${items[0]!.check}: ${items[0]!.cause ?? items[0]!.title}`, items }));
  }, [shown, grouped]);

  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
        <button type="button" className="sort" onClick={() => setSort({ key, descending: active ? !sort.descending : false })}>
          {label}
          <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
        </button>
      </th>
    );
  };
  const select = (label: string, value: string, set: (value: string) => void, options: string[]) => (
    <label>
      {label}
      <select value={value} onChange={(event) => set(event.target.value)}>
        <option value="">all</option>
        {options.map((option) => (
          <option key={option}>{option}</option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="findings">
      <div className="filters" role="group" aria-label="Filter findings">
        {select('Check', check, setCheck, distinct(findings.map((finding) => finding.check)))}
        {select('Severity', severity, setSeverity, SEVERITIES.filter((level) => findings.some((finding) => finding.severity === level)))}
        {select('Operation', operation, setOperation, distinct(findings.map((finding) => finding.operation)))}
        {select('Agent', agent, setAgent, distinct(findings.flatMap((finding) => finding.agents ?? [])))}
        <label className="check">
          <input type="checkbox" checked={grouped} onChange={(event) => setGrouped(event.target.checked)} />
          Group similar findings
        </label>
      </div>
      <p className="muted" aria-live="polite">
        {shown.length} of {findings.length} findings shown
      </p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Findings">
        <table>
          <thead>
            <tr>
              {header('severity', 'Severity')}
              {header('check', 'Check')}
              {header('operation', 'Operation')}
              <th scope="col">Title</th>
              {header('count', 'Seen')}
            </tr>
          </thead>
          {groups.map((group) => (
            <tbody key={group.key}>
              {grouped && (
                <tr className="group-row">
                  <th scope="rowgroup" colSpan={5}>
                    {group.label} ({group.items.length})
                  </th>
                </tr>
              )}
              {group.items.map((finding, index) => (
                <tr key={finding.id ?? `${group.key}-${index}`}>
                  <td>
                    <SeverityBadge severity={finding.severity} />
                  </td>
                  <td>
                    <code>{finding.check}</code>
                  </td>
                  <td>
                    <code>{finding.operation}</code>
                  </td>
                  <td>{finding.id ? <Link to={`/runs/${runId}/findings/${finding.id}`}>{finding.title}</Link> : finding.title}</td>
                  <td>{finding.count}</td>
                </tr>
              ))}
            </tbody>
          ))}
        </table>
      </div>
    </div>
  );
}
