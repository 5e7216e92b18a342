import type { RecordedResponse, SseEventRecord } from '../cassette/format.ts';
import type { SseMessage } from '../sse/message.ts';
import { serializeSseMessage } from '../sse/serialize.ts';
import { decodeBody } from './body-format.ts';
import type { Chunking, ReplayOptions } from './replay-options.ts';
import { seededRandom } from './seeded-random.ts';

const encoder = new TextEncoder();

function recordToSseMessage(event: SseEventRecord): SseMessage {
  if (event.comment !== undefined) return { kind: 'comment', comment: event.comment };
  if (event.retry !== undefined && event.json === undefined && event.data === undefined) {
    return { kind: 'retry', retry: event.retry };
  }
  const message: SseMessage = {
    kind: 'event',
    data: event.json !== undefined ? JSON.stringify(event.json) : (event.data ?? ''),
  };
  if (event.event !== undefined) message.event = event.event;
  if (event.id !== undefined) message.id = event.id;
  return message;
}

/** Wire bytes of each recorded event, computed once per recorded response and reused. */
const eventBytesCache = new WeakMap<RecordedResponse, Uint8Array<ArrayBuffer>[]>();
const bodyBytesCache = new WeakMap<RecordedResponse, Uint8Array<ArrayBuffer>>();

function eventBytes(response: RecordedResponse): Uint8Array<ArrayBuffer>[] {
  let bytes = eventBytesCache.get(response);
  if (!bytes) {
    bytes = (response.events ?? []).map((e) =>
      encoder.encode(serializeSseMessage(recordToSseMessage(e))),
    );
    eventBytesCache.set(response, bytes);
  }
  return bytes;
}

function concatBytes(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function bodyBytes(response: RecordedResponse): Uint8Array<ArrayBuffer> {
  let bytes = bodyBytesCache.get(response);
  if (!bytes) {
    bytes =
      response.body_format === 'sse'
        ? concatBytes(eventBytes(response))
        : decodeBody(response.body_format, response.body);
    bodyBytesCache.set(response, bytes);
  }
  return bytes;
}

function rechunk(bytes: Uint8Array, chunking: Exclude<Chunking, 'event'>): Uint8Array[] {
  const out: Uint8Array[] = [];
  if (chunking === 'byte') {
    for (let i = 0; i < bytes.length; i++) out.push(bytes.subarray(i, i + 1));
    return out;
  }
  const random = seededRandom(chunking.seed);
  const max = Math.max(1, chunking.maxChunkBytes ?? 64);
  for (let i = 0; i < bytes.length; ) {
    const size = 1 + Math.floor(random() * max);
    out.push(bytes.subarray(i, i + size));
    i += size;
  }
  return out;
}

/** The error undici raises when a connection drops mid-body, so clients see what they saw live. */
function brokenOffError(recorded: RecordedResponse): TypeError {
  return new TypeError('terminated', {
    cause: new Error(recorded.error ?? 'the recorded response broke off here'),
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function streamBody(
  recorded: RecordedResponse,
  options: ReplayOptions,
): ReadableStream<Uint8Array> {
  const chunking = options.chunking ?? 'event';
  const scale = options.timing ? (options.timing.scale ?? 1) : 0;
  const perEvent = eventBytes(recorded);
  // Each chunk carries the recorded time at which it may be delivered (0 at full speed).
  const chunks: Array<{ bytes: Uint8Array; at: number }> =
    chunking === 'event'
      ? perEvent.map((bytes, i) => ({ bytes, at: (recorded.events?.[i]?.t ?? 0) * scale }))
      : rechunkTimed(recorded, perEvent, chunking, scale);
  let index = 0;
  const start = performance.now();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = chunks[index++];
      if (!next) {
        if (recorded.complete === false) controller.error(brokenOffError(recorded));
        else controller.close();
        return;
      }
      const wait = next.at - (performance.now() - start);
      if (wait > 1) await sleep(wait);
      controller.enqueue(next.bytes);
    },
  });
}

/** Re-chunks the whole body; each piece is due when the event its first byte belongs to was. */
function rechunkTimed(
  recorded: RecordedResponse,
  perEvent: Uint8Array[],
  chunking: Exclude<Chunking, 'event'>,
  scale: number,
): Array<{ bytes: Uint8Array; at: number }> {
  const eventStarts: number[] = [];
  let offset = 0;
  for (const bytes of perEvent) {
    eventStarts.push(offset);
    offset += bytes.length;
  }
  let eventIndex = 0;
  let position = 0;
  return rechunk(bodyBytes(recorded), chunking).map((bytes) => {
    while (eventIndex + 1 < eventStarts.length && eventStarts[eventIndex + 1]! <= position) {
      eventIndex++;
    }
    position += bytes.length;
    return { bytes, at: (recorded.events?.[eventIndex]?.t ?? 0) * scale };
  });
}

function replayHeaders(recorded: RecordedResponse, options: ReplayOptions): Record<string, string> {
  const retryable = recorded.status === 429 || recorded.status >= 500;
  if (retryable && (options.retryDelays ?? 'instant') === 'instant') {
    return { ...recorded.headers, 'retry-after-ms': '1' };
  }
  // The Response constructor copies them: the recorded object itself can be handed over.
  return recorded.headers;
}

/** Builds the Response a client receives for a recorded one. */
export function replayResponse(recorded: RecordedResponse, options: ReplayOptions = {}): Response {
  const init: ResponseInit = {
    status: recorded.status,
    headers: replayHeaders(recorded, options),
  };
  if (recorded.status_text !== undefined) init.statusText = recorded.status_text;
  if (recorded.status === 204 || recorded.status === 304) return new Response(null, init);

  const isStream = recorded.body_format === 'sse';
  const simple = !options.timing && recorded.complete !== false;
  if (!isStream && simple && (options.chunking ?? 'event') === 'event') {
    return new Response(bodyBytes(recorded), init);
  }
  if (isStream) return new Response(streamBody(recorded, options), init);

  // A non-stream body that must be re-chunked, delayed or broken off.
  const pieces =
    (options.chunking ?? 'event') === 'event'
      ? [bodyBytes(recorded)]
      : rechunk(bodyBytes(recorded), options.chunking as Exclude<Chunking, 'event'>);
  let index = 0;
  return new Response(
    new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (index === 0 && options.timing) {
          await sleep(recorded.timing.duration_ms * (options.timing.scale ?? 1));
        }
        const next = pieces[index++];
        if (next) controller.enqueue(next);
        else if (recorded.complete === false) controller.error(brokenOffError(recorded));
        else controller.close();
      },
    }),
    init,
  );
}
