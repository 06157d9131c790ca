// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { TrendChart } from '../../web/src/features/trend-chart.js';
import { passRateOf, topOperations } from '../../web/src/pages/dashboard.js';
import type { Finding, RunDetail } from '../../web/src/api/types.js';

afterEach(cleanup);

describe('TrendChart', () => {
  it('draws one stacked bar per severity and run, and the pass-rate line, with a text summary', () => {
    const { container } = render(
      <TrendChart
        points={[
          { label: 'run 1', bySeverity: { critical: 1, high: 2 }, passRate: 80 },
          { label: 'run 2', bySeverity: { high: 1, low: 3 }, passRate: 90 },
        ]}
        width={600}
      />,
    );
    expect(container.querySelector('figcaption')!.textContent).toBe('run 1: 1 critical, 2 high, 0 medium, 0 low, 0 info, 80% passed; run 2: 0 critical, 1 high, 0 medium, 3 low, 0 info, 90% passed');
    // Bars with a height: critical (run 1), high (runs 1 and 2), low (run 2).
    const bars = [...container.querySelectorAll('.recharts-bar-rectangle path')].filter((path) => Number(path.getAttribute('height')) > 0);
    expect(bars).toHaveLength(4);
    expect(container.querySelectorAll('.recharts-line-dot, .recharts-line-dots circle').length).toBeGreaterThanOrEqual(2);
    expect([...container.querySelectorAll('.recharts-legend-item-text')].map((item) => item.textContent).sort()).toEqual(['checks passed %', 'critical', 'high', 'info', 'low', 'medium']);
  });
});

describe('dashboard figures', () => {
  it('pass rate: the share of judged (operation, check) pairs without a finding', () => {
    const run = { findings: 2, summary: { checksRun: { 'GET /a': ['x', 'y'], 'GET /b': ['x', 'y', 'z'] } } } as unknown as RunDetail;
    expect(passRateOf(run)).toBe(60);
    expect(passRateOf({ findings: 0, summary: null } as unknown as RunDetail)).toBeUndefined();
  });

  it('top failing operations: most findings first, with the worst severity', () => {
    const finding = (operation: string, severity: Finding['severity']) => ({ operation, severity }) as Finding;
    expect(topOperations([finding('GET /a', 'low'), finding('GET /b', 'high'), finding('GET /a', 'critical'), finding('GET /c', 'info')], 2)).toEqual([
      { operation: 'GET /a', findings: 2, worst: 'critical' },
      { operation: 'GET /b', findings: 1, worst: 'high' },
    ]);
  });
});
