import type { SseEventRecord } from '../cassette/format.ts';

/** A run of consecutive stream events of one kind, as `inspect` shows it. */
export interface TimelineEntry {
  label: string;
  count: number;
  /** Milliseconds since the request began, of the run's first and last event. */
  first_ms: number;
  last_ms: number;
}

/**
 * A stream's events folded into runs (`content_block_delta ×41`), so a 300-event stream reads in
 * a dozen lines: when it started, when text flowed, when usage and the end arrived.
 */
export function streamTimeline(events: readonly SseEventRecord[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const event of events) {
    const label = eventLabel(event);
    const last = entries.at(-1);
    if (last && last.label === label) {
      last.count++;
      last.last_ms = event.t;
    } else {
      entries.push({ label, count: 1, first_ms: event.t, last_ms: event.t });
    }
  }
  return entries;
}

/** The event's name, else its payload's `type` (Anthropic, Responses) or a chunk's role. */
function eventLabel(event: SseEventRecord): string {
  if (event.comment !== undefined) return `: ${event.comment.trim()}`;
  const json = event.json;
  if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
    if (typeof json.type === 'string') return event.event ?? json.type;
    if (json.object === 'chat.completion.chunk') return chatChunkLabel(json);
    if ('error' in json) return 'error';
  }
  if (event.event) return event.event;
  if (event.data !== undefined) return event.data.length <= 12 ? event.data : 'data';
  return 'data';
}

/** Chat Completions chunks have no type: name them by what they carry. */
function chatChunkLabel(chunk: Record<string, unknown>): string {
  const choices = Array.isArray(chunk.choices) ? chunk.choices : [];
  const first = choices[0] as { finish_reason?: unknown } | undefined;
  if (first && typeof first.finish_reason === 'string') {
    return `chunk (finish: ${first.finish_reason})`;
  }
  if (choices.length === 0 && chunk.usage) return 'chunk (usage)';
  return 'chunk';
}
