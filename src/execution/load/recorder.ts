// Worker-side recording: one histogram and counters per (send second, operation), flushed to the main
// thread once a second as encoded histograms. Seconds count from the run's shared start time, and a
// request belongs to the second (and stage) it was meant to be sent in, however long its answer took.
import { createHistogram, encodeHistogram, recordMicros, type Histogram } from './histogram.js';
import { emptyCounters, statusClass } from './counters.js';
import type { Counters, WindowMessage } from './types.js';

interface Window {
  histogram: Histogram;
  counters: Counters;
}

export class WindowRecorder {
  private readonly windows = new Map<number, Map<string, Window>>();

  recordResponse(operation: string, offsetMs: number, latencyMs: number, status: number, bytes: number): void {
    const window = this.window(operation, offsetMs);
    recordMicros(window.histogram, latencyMs);
    window.counters.requests++;
    window.counters.bytesReceived += bytes;
    const key = statusClass(status);
    window.counters.statusClasses[key] = (window.counters.statusClasses[key] ?? 0) + 1;
  }

  /** Transport failures are counted but kept out of the latency histogram: a refused connection is not fast. */
  recordTransportError(operation: string, offsetMs: number, code: string): void {
    const window = this.window(operation, offsetMs);
    window.counters.requests++;
    window.counters.transportErrors[code] = (window.counters.transportErrors[code] ?? 0) + 1;
  }

  flush(): WindowMessage['windows'] {
    const out: WindowMessage['windows'] = [];
    for (const [second, byOperation] of this.windows) {
      for (const [operation, window] of byOperation) {
        out.push({ second, operation, counters: window.counters, histogram: encodeHistogram(window.histogram) });
      }
    }
    this.windows.clear();
    return out;
  }

  /** `offsetMs`: the send time, from the run's start. */
  private window(operation: string, offsetMs: number): Window {
    const second = Math.max(0, Math.floor(offsetMs / 1000));
    let byOperation = this.windows.get(second);
    if (!byOperation) this.windows.set(second, (byOperation = new Map()));
    let window = byOperation.get(operation);
    if (!window) byOperation.set(operation, (window = { histogram: createHistogram(), counters: emptyCounters() }));
    return window;
  }
}
