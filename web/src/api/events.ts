// A run's server-sent events, read with fetch (EventSource cannot send the Bearer token). The stream is
// resumed after a drop with Last-Event-ID, so no event is seen twice or missed; it ends with the run.
import { authorizedFetch } from './client.js';

export interface RunEvent {
  id: number;
  type: string;
  data: Record<string, unknown>;
}

export const FINAL_EVENTS = new Set(['run.finished', 'run.failed', 'run.cancelled']);

/** Parses complete SSE messages out of `buffer`; returns them and what is left over. */
export function parseEvents(buffer: string): { events: RunEvent[]; rest: string } {
  const events: RunEvent[] = [];
  const blocks = buffer.replace(/\r\n/g, '\n').split('\n\n');
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let id = 0;
    let type = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') id = Number(value);
      else if (field === 'event') type = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length === 0) continue;
    try {
      events.push({ id, type, data: JSON.parse(data.join('\n')) as Record<string, unknown> });
    } catch {
      // A message that is not JSON is not one of the platform's: ignored.
    }
  }
  return { events, rest };
}

export async function followRunEvents(runId: string, onEvent: (event: RunEvent) => void, signal: AbortSignal): Promise<void> {
  let lastId = 0;
  let finished = false;
  while (!finished && !signal.aborted) {
    try {
      const response = await authorizedFetch(`/api/v1/test-runs/${runId}/events`, { signal, headers: lastId > 0 ? { 'last-event-id': String(lastId) } : {} });
      if (!response.ok || response.body === null) throw new Error(`events: HTTP ${response.status}`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const parsed = parseEvents(buffer + value);
        buffer = parsed.rest;
        for (const event of parsed.events) {
          if (event.id > 0) lastId = event.id;
          if (FINAL_EVENTS.has(event.type)) finished = true;
          onEvent(event);
        }
      }
      // The server ends the stream only when the run is over.
      return;
    } catch {
      if (signal.aborted) return;
      // Dropped: reconnect after the server's retry interval, from the last event seen.
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }
}
