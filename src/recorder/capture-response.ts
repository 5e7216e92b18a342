import type { RecordedResponse, SseEventRecord } from '../cassette/format.ts';
import type { SseMessage } from '../sse/message.ts';
import { createSseParser } from '../sse/parse.ts';
import { encodeBody } from './body-format.ts';
import { headersToRecord } from './capture-request.ts';

/**
 * Headers that describe the transfer rather than the content. The body is stored decoded, so
 * replaying `content-encoding: gzip` or the wire's `content-length` would corrupt it.
 */
const TRANSFER_HEADERS = new Set([
  'content-encoding',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
]);

export function isEventStream(contentType: string | null): boolean {
  return contentType !== null && /^text\/event-stream/i.test(contentType);
}

const round = (ms: number) => Math.round(ms * 10) / 10;

export function sseMessageToRecord(message: SseMessage, t: number): SseEventRecord {
  switch (message.kind) {
    case 'comment':
      return { t, comment: message.comment };
    case 'retry':
      return { t, retry: message.retry };
    case 'event': {
      const record: SseEventRecord = { t };
      if (message.event !== undefined) record.event = message.event;
      if (message.id !== undefined) record.id = message.id;
      try {
        record.json = JSON.parse(message.data);
      } catch {
        record.data = message.data;
      }
      return record;
    }
  }
}

/**
 * Reads a response to its end and returns its stored form. The caller hands in a clone (a tee of
 * the live body), so the application keeps reading its own copy as bytes arrive: recording never
 * buffers a stream before handing it on. SSE events get the time since `startedAt` at which the
 * chunk completing them arrived; a body that breaks off is stored as far as it got.
 */
export async function captureResponse(
  response: Response,
  startedAt: number,
  now: () => number = performance.now.bind(performance),
): Promise<RecordedResponse> {
  const ttfb = round(now() - startedAt);
  const headers = headersToRecord(response.headers);
  for (const name of TRANSFER_HEADERS) delete headers[name];
  const recorded: RecordedResponse = {
    status: response.status,
    headers,
    complete: true,
    timing: { ttfb_ms: ttfb, duration_ms: ttfb },
  };
  if (response.statusText) recorded.status_text = response.statusText;
  const contentType = response.headers.get('content-type');
  const sse = isEventStream(contentType);
  const events: SseEventRecord[] = [];
  const chunks: Uint8Array[] = [];
  const decoder = new TextDecoder();
  let chunkTime = 0;
  const parser = createSseParser((message) => events.push(sseMessageToRecord(message, chunkTime)));

  try {
    const reader = response.body?.getReader();
    while (reader) {
      const { done, value: chunk } = await reader.read();
      if (done) break;
      chunkTime = round(now() - startedAt);
      if (sse) parser.feed(decoder.decode(chunk, { stream: true }));
      else chunks.push(chunk);
    }
    if (sse) {
      parser.feed(decoder.decode());
      parser.end();
    }
  } catch (error) {
    recorded.complete = false;
    recorded.error = error instanceof Error ? describeError(error) : String(error);
  }
  recorded.timing.duration_ms = round(now() - startedAt);

  if (sse) {
    recorded.body_format = 'sse';
    recorded.events = events;
  } else {
    const encoded = encodeBody(Buffer.concat(chunks), contentType);
    if (encoded) Object.assign(recorded, encoded);
  }
  return recorded;
}

function describeError(error: Error): string {
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.name}: ${error.message}${cause}`;
}
