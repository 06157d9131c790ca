// The live state of a run, folded from its server-sent events.
import { useEffect, useState } from 'react';
import { followRunEvents, type RunEvent } from '../api/events.js';
import type { Finding } from '../api/types.js';

export interface LiveProgress {
  planned: number;
  done: number;
  requests: number;
  findings: Finding[];
  final?: string;
  reason?: string;
}

export const EMPTY_PROGRESS: LiveProgress = { planned: 0, done: 0, requests: 0, findings: [] };

export function foldEvent(state: LiveProgress, event: RunEvent): LiveProgress {
  const data = event.data;
  switch (event.type) {
    case 'run.started':
      return { ...state, planned: Number(data.plannedCases ?? 0) + Number(data.plannedScenarios ?? 0) };
    case 'case.finished':
      return { ...state, done: state.done + 1, requests: state.requests + Number(data.requests ?? 0) };
    case 'scenario.finished':
      return { ...state, done: state.done + 1, requests: state.requests + Number(data.steps ?? 0) };
    case 'finding':
      return { ...state, findings: [...state.findings, data.finding as Finding] };
    case 'run.finished':
    case 'run.failed':
    case 'run.cancelled':
      return { ...state, final: event.type, ...(typeof data.reason === 'string' ? { reason: data.reason } : {}) };
    default:
      return state;
  }
}

/** Follows the run's events while `active`; calls `onFinal` once when the run ends. */
export function useLiveProgress(runId: string, active: boolean, onFinal: () => void): LiveProgress {
  const [progress, setProgress] = useState(EMPTY_PROGRESS);
  useEffect(() => {
    if (!active) return;
    const controller = new AbortController();
    setProgress(EMPTY_PROGRESS);
    void followRunEvents(
      runId,
      (event) => {
        setProgress((state) => foldEvent(state, event));
      },
      controller.signal,
    ).then(() => {
      if (!controller.signal.aborted) onFinal();
    });
    return () => controller.abort();
    // onFinal is a refetch: a new identity each render must not restart the stream.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [runId, active]);
  return progress;
}
