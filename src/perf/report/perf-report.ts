// The perf JSON report (`--report json=PATH`): the plan, what was measured and the judgement. It is
// also what `--baseline` reads back, so reading validates the parts the comparison relies on.
import { readFileSync } from 'node:fs';
import { SentinelError } from '../../core/errors.js';
import type { PerfAnalysis } from '../analyzer.js';
import type { LoadResult } from '../../execution/load/result.js';

export const PERF_REPORT_KIND = 'sentinel-perf-report';
export const PERF_REPORT_VERSION = 1;

export interface PerfReport {
  kind: typeof PERF_REPORT_KIND;
  version: typeof PERF_REPORT_VERSION;
  spec: string;
  baseUrl: string;
  profile: string;
  summary: {
    requests: number;
    errors: number;
    errorRate: number;
    throughput: number;
    latency: LoadResult['overall']['latency'];
    passed: boolean;
  };
  thresholds: string[];
  /** The planned mix: single-request operations, and scenarios (`scenario <name>`) with their steps' operations. */
  operations: { operation: string; weight: number; variants: number; steps?: string[] }[];
  notes: string[];
  result: LoadResult;
  analysis: PerfAnalysis;
}

export function buildPerfReport(input: Omit<PerfReport, 'kind' | 'version' | 'summary'>): PerfReport {
  const overall = input.result.overall;
  return {
    kind: PERF_REPORT_KIND,
    version: PERF_REPORT_VERSION,
    ...input,
    summary: {
      requests: overall.requests,
      errors: overall.errors,
      errorRate: overall.errorRate,
      throughput: overall.throughput,
      latency: overall.latency,
      passed: input.analysis.passed,
    },
  };
}

export function formatPerfReport(report: PerfReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Reads a previous `--report json=` file as a baseline; a wrong file is a one-line usage error. */
export function readBaseline(path: string): LoadResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SentinelError('usage', `--baseline ${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new SentinelError('usage', `--baseline ${path}: not JSON`);
  }
  const report = parsed as Partial<PerfReport>;
  if (report?.kind !== PERF_REPORT_KIND) throw new SentinelError('usage', `--baseline ${path}: not a sentinel perf report (expected "kind": "${PERF_REPORT_KIND}")`);
  if (report.version !== PERF_REPORT_VERSION) throw new SentinelError('usage', `--baseline ${path}: report version ${String(report.version)} is not supported (expected ${PERF_REPORT_VERSION})`);
  const result = report.result;
  const valid =
    result !== undefined &&
    Array.isArray(result.series) &&
    Array.isArray(result.operations) &&
    Array.isArray(result.stages) &&
    typeof result.overall?.requests === 'number' &&
    result.series.every((second) => typeof second?.second === 'number' && typeof second.p95 === 'number' && typeof second.requests === 'number' && typeof second.operations === 'object');
  if (!valid) throw new SentinelError('usage', `--baseline ${path}: /result is missing or malformed (series, operations, stages, overall)`);
  return result;
}
