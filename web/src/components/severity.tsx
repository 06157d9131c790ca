import { SEVERITIES, type Severity, type SeverityCounts } from '../api/types.js';

export function SeverityBadge({ severity }: { severity: Severity | string }) {
  return <span className={`badge sev-${severity}`}>{severity}</span>;
}

/** Counts by severity, the zero ones left out. */
export function SeverityCountsView({ counts }: { counts: SeverityCounts }) {
  const shown = SEVERITIES.filter((severity) => (counts[severity] ?? 0) > 0);
  if (shown.length === 0) return <span className="muted">none</span>;
  return (
    <span className="counts">
      {shown.map((severity) => (
        <span key={severity} className={`badge sev-${severity}`} title={severity}>
          {counts[severity]} {severity}
        </span>
      ))}
    </span>
  );
}

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge status-${status}`}>{status}</span>;
}
