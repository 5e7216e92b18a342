import { LlmCassetteError } from '../errors.ts';
import type { ProviderFacts, StreamReducer } from '../providers/adapter.ts';
import { adapterFor, detectApiFromEvent } from '../providers/index.ts';
import type { ProviderApi } from '../usage/normalized.ts';

/** A stream none of whose events has the shape of a known API's events. */
export class UnrecognizedStreamError extends LlmCassetteError {
  readonly code = 'metadata_unrecognized_stream';
}

/** What a finished (or broken-off) stream gives the record builder. */
export interface AssembledStream {
  facts: ProviderFacts;
  /** Whether the stream's own terminal event (or `[DONE]`) arrived. */
  terminated: boolean;
  /** Keys of the first event, for provider detection (`x_groq`, `prompt_filter_results`…). */
  firstKeys: ReadonlySet<string>;
  /** Time (caller's clock) of the first event that carried output. */
  firstOutputAt: number | null;
  events: number;
}

/**
 * Feeds one stream's events to the adapter of its API, chosen from the URL when known, else from
 * the first event's shape. Holds only the reducer's state: events are not kept.
 */
export class StreamAssembler {
  private reducer: StreamReducer | null = null;
  private api: ProviderApi | null;
  private firstKeys: ReadonlySet<string> = new Set();
  private sawDone = false;
  private firstOutputAt: number | null = null;
  private events = 0;

  constructor(options: { api?: ProviderApi | null; provider?: string | null } = {}) {
    this.api = options.api ?? null;
    this.provider = options.provider ?? null;
  }

  private readonly provider: string | null;

  /** One `data:` payload as text (`[DONE]` ends OpenAI-style streams; it is not JSON). */
  pushData(data: string, t?: number): void {
    if (data === '[DONE]') {
      this.sawDone = true;
      return;
    }
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      // A payload cut off mid-way (the stream broke off inside it): what arrived before counts.
      return;
    }
    this.pushPayload(payload, t);
  }

  /** One event as parsed JSON, or as the SDK's event object (the same JSON). */
  pushPayload(payload: unknown, t?: number): void {
    this.events++;
    let reducer = this.reducer;
    if (reducer === null) {
      const api = this.api ?? detectApiFromEvent(payload) ?? apiOfErrorEvent(payload);
      if (api === null) return;
      this.api = api;
      reducer = adapterFor(api, this.provider).createReducer();
      this.reducer = reducer;
      if (typeof payload === 'object' && payload !== null)
        this.firstKeys = new Set(Object.keys(payload));
    }
    reducer.push(payload);
    if (this.firstOutputAt === null && reducer.outputStarted) this.firstOutputAt = t ?? null;
  }

  finish(): AssembledStream {
    // A stream that broke off before its first event still has a record where the URL named the API.
    if (this.reducer === null && this.api !== null) {
      this.reducer = adapterFor(this.api, this.provider).createReducer();
    }
    if (this.reducer === null) {
      throw new UnrecognizedStreamError(
        this.events === 0
          ? 'The stream has no events. Expected SSE `data:` lines (or SDK stream events) of a ' +
              'Chat Completions, Responses or Anthropic Messages stream.'
          : `None of the stream's ${this.events} events is a Chat Completions chunk ` +
              '(`object: "chat.completion.chunk"` or `choices`), a Responses event ' +
              '(`type: "response.…"`) or an Anthropic Messages event (`type: "message_start"`…). ' +
              'Pass the URL (--url) if the provider sends another shape.',
      );
    }
    return {
      facts: this.reducer.facts(),
      terminated: this.reducer.terminated || this.sawDone,
      firstKeys: this.firstKeys,
      firstOutputAt: this.firstOutputAt,
      events: this.events,
    };
  }
}

/** A stream whose first event is an error: Anthropic-style `type: "error"`, else OpenAI-style. */
function apiOfErrorEvent(payload: unknown): ProviderApi | null {
  if (typeof payload !== 'object' || payload === null || !('error' in payload)) return null;
  return (payload as { type?: unknown }).type === 'error' ? 'messages' : 'chat.completions';
}
