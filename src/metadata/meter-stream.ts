import { detectApiFromUrl, detectProviderFromUrl } from '../providers/detect.ts';
import type { Call } from './call.ts';
import { extractAssembled } from './extract.ts';
import type { CallerKeys, Extraction } from './record.ts';
import { StreamAssembler } from './stream-assembler.ts';

export interface MeterStreamOptions {
  /** The request params (model, temperature, max_tokens…), as passed to the SDK. */
  request?: unknown;
  /** The URL called, where known: names the provider and API without looking at events. */
  url?: string;
  /** Response headers (`x-request-id`, `x-litellm-response-cost`). */
  headers?: Record<string, string>;
  /** Caller-given keys for the record (`routing_path`, `session_id`…). */
  extra?: CallerKeys;
  /** When the call began (`performance.now()` clock); default: when `meterStream` is called. */
  startedAt?: number;
}

/** An SDK stream that yields its events unchanged and assembles the record as they pass. */
export interface MeteredStream<T> extends AsyncIterable<T> {
  /**
   * The record and message, once the stream ends, breaks off (a network error, the consumer
   * leaving the loop) or fails: what arrived, with `finish_reason: 'error'` where the stream
   * did not reach its end. Rejects only where no event told which API the stream was.
   */
  readonly result: Promise<Extraction>;
}

/**
 * Wraps an SDK stream (an AsyncIterable of events: `openai` chunks or Responses events,
 * `@anthropic-ai/sdk` message events) so that iterating it also meters it.
 */
export function meterStream<T>(
  stream: AsyncIterable<T>,
  options: MeterStreamOptions = {},
): MeteredStream<T> {
  const startedAt = options.startedAt ?? performance.now();
  const assembler = new StreamAssembler({
    api: detectApiFromUrl(options.url),
    provider: detectProviderFromUrl(options.url),
  });
  let settle!: (outcome: { complete: boolean; error: unknown }) => void;
  const result = new Promise<Extraction>((resolve, reject) => {
    settle = ({ complete, error }) => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(options.headers ?? {})) {
        headers[name.toLowerCase()] = value;
      }
      const call: Call = {
        request: options.request,
        url: options.url,
        status: undefined,
        headers,
        body: { kind: 'events', events: [] },
        complete,
        transport_error: complete ? null : errorText(error),
        latency_ms: elapsed(startedAt),
        time_to_first_token_ms: null,
        recorded_at: Math.floor(Date.now() / 1000),
        sdk_request_id: null,
      };
      try {
        resolve(extractAssembled(assembler.finish(), call, options.extra));
      } catch (extractionError) {
        reject(extractionError);
      }
    };
  });
  // Callers that never read `result` must not get an unhandled rejection.
  result.catch(() => {});

  async function* metered(): AsyncGenerator<T> {
    let complete = false;
    let error: unknown = null;
    try {
      for await (const event of stream) {
        assembler.pushPayload(event, elapsed(startedAt));
        yield event;
      }
      complete = true;
    } catch (thrown) {
      error = thrown;
      throw thrown;
    } finally {
      // Also reached when the consumer breaks out of its loop: the stream broke off there.
      settle({ complete, error: error ?? (complete ? null : 'the consumer stopped reading') });
    }
  }

  const iterator = metered();
  return {
    [Symbol.asyncIterator]: () => iterator,
    result,
  };
}

function elapsed(startedAt: number): number {
  return Math.round((performance.now() - startedAt) * 1000) / 1000;
}

function errorText(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'the stream broke off';
}
