import { createParser, type EventSourceParser } from 'eventsource-parser';
import type { SseMessage } from './message.ts';

/**
 * An incremental SSE parser over decoded text: feed it chunks as they arrive, cut anywhere,
 * and it calls `onMessage` once per complete event. Framing is eventsource-parser's (the WHATWG
 * algorithm); this wrapper only turns its callbacks into one ordered message stream.
 */
export function createSseParser(onMessage: (message: SseMessage) => void): {
  feed(text: string): void;
  /** Ends the stream: an event left without its closing blank line is dispatched too. */
  end(): void;
} {
  const parser: EventSourceParser = createParser({
    onEvent(event) {
      const message: SseMessage = { kind: 'event', data: event.data };
      if (event.event !== undefined) message.event = event.event;
      if (event.id !== undefined) message.id = event.id;
      onMessage(message);
    },
    onRetry(retry) {
      onMessage({ kind: 'retry', retry });
    },
    onComment(comment) {
      onMessage({ kind: 'comment', comment: comment.startsWith(' ') ? comment.slice(1) : comment });
    },
  });
  return {
    feed: (text) => parser.feed(text),
    // Two newlines end any pending line and event: a body cut off mid-way still yields what
    // arrived (the consumer sees a partial payload and decides), instead of silently dropping it.
    end: () => {
      parser.feed('\n\n');
      parser.reset();
    },
  };
}

/** Parses a whole SSE body (the text of a recorded or raw stream). */
export function parseSseText(text: string): SseMessage[] {
  const messages: SseMessage[] = [];
  const parser = createSseParser((message) => messages.push(message));
  parser.feed(text);
  parser.end();
  return messages;
}

/**
 * Every event's `data` in a complete SSE text, in order; comments, ids and retry fields skipped.
 * The extraction hot path: no message object per event. A text cut off mid-event still yields
 * what arrived, as `end()` does.
 */
export function forEachSseData(text: string, onData: (data: string) => void): void {
  const parser = createParser({ onEvent: (event) => onData(event.data) });
  parser.feed(text);
  parser.feed('\n\n');
}
