// Findings by severity per run (stacked bars) and the share of judged checks that passed (line), oldest
// run on the left.
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReactElement } from 'react';
import { SEVERITIES, type Severity } from '../api/types.js';

function Sized({ width, height, children }: { width?: number; height: number; children: ReactElement }) {
  if (width !== undefined) return children;
  return (
    <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 600, height }}>
      {children}
    </ResponsiveContainer>
  );
}

export interface TrendPoint {
  label: string;
  bySeverity: Partial<Record<Severity, number>>;
  /** 0..100, when the run's summary says how many checks were judged. */
  passRate?: number;
}

const COLORS: Record<Severity, string> = { critical: '#b3261e', high: '#e8590c', medium: '#c99400', low: '#2f7bd8', info: '#7a7f87' };

/** `width` fixes the size (where there is no layout to measure); without it the chart fills its box. */
export function TrendChart({ points, height = 260, width }: { points: TrendPoint[]; height?: number; width?: number }) {
  const rows = points.map((point) => ({ label: point.label, ...point.bySeverity, passRate: point.passRate }));
  const summary = points.map((point) => `${point.label}: ${SEVERITIES.map((severity) => `${point.bySeverity[severity] ?? 0} ${severity}`).join(', ')}${point.passRate !== undefined ? `, ${point.passRate}% passed` : ''}`).join('; ');
  return (
    <figure className="chart" style={{ height }} aria-label="Findings and pass rate by run">
      <Sized width={width} height={height}>
        <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} {...(width !== undefined ? { width, height } : {})}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: 'var(--muted)' }} />
          <YAxis yAxisId="count" allowDecimals={false} tick={{ fontSize: 12, fill: 'var(--muted)' }} />
          <YAxis yAxisId="rate" orientation="right" domain={[0, 100]} unit="%" tick={{ fontSize: 12, fill: 'var(--muted)' }} />
          <Tooltip contentStyle={{ background: 'var(--surface)', border: '1px solid var(--border)', color: 'var(--text)' }} />
          <Legend />
          {SEVERITIES.map((severity) => (
            <Bar key={severity} yAxisId="count" dataKey={severity} stackId="findings" fill={COLORS[severity]} isAnimationActive={false} />
          ))}
          <Line yAxisId="rate" dataKey="passRate" name="checks passed %" stroke="var(--accent)" strokeWidth={2} dot isAnimationActive={false} connectNulls />
        </ComposedChart>
      </Sized>
      <figcaption className="visually-hidden">{summary}</figcaption>
    </figure>
  );
}
