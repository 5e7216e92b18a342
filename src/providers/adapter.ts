import type { AssembledMessage } from '../metadata/message.ts';
import type { FinishReason } from '../metadata/record.ts';
import type { ProviderApi } from '../usage/normalized.ts';

/** An error the provider reported, in an error body or inside a stream. */
export interface ProviderError {
  type: string | null;
  message: string | null;
}

/**
 * What one response says about itself, in one shape for every API: the part of the metadata
 * record that comes from the provider's body or stream, plus the reassembled message.
 */
export interface ProviderFacts {
  api: ProviderApi;
  model: string | null;
  completion_id: string | null;
  /** Unix seconds, where the provider sends a timestamp. */
  created_at: number | null;
  provider_finish_reason: string | null;
  /** Normalized; `null` until the response says how it finished. */
  finish_reason: FinishReason | null;
  /**
   * The provider's usage object in the API's own shape (for `normalizeUsage`); `null` where the
   * response carried none. Streams hand over the merged final usage, never a sum of chunks.
   */
  usage: unknown;
  service_tier: string | null;
  /** Set when the body is an error, or the stream carried one. */
  error: ProviderError | null;
  message: AssembledMessage;
}

/**
 * Assembles a stream in one pass: `push` takes each event's parsed `data:` payload (or the SDK's
 * event object, which is the same JSON) and does O(1) work; `facts` may be read at any time, so a
 * stream that breaks off still gives what arrived.
 */
export interface StreamReducer {
  push(payload: unknown): void;
  facts(): ProviderFacts;
  /** True once an event carried output (text, a tool call, reasoning): time to first token. */
  readonly outputStarted: boolean;
  /** True once the stream's own terminal event arrived; a stream ending without it broke off. */
  readonly terminated: boolean;
}

/** One provider API: how to read its non-stream body and how to assemble its stream. */
export interface ProviderAdapter {
  readonly api: ProviderApi;
  /** Whether a parsed non-stream body has this API's shape (for detection without a URL). */
  matchesBody(body: unknown): boolean;
  /** Whether a stream's first payload has this API's shape. */
  matchesEvent(payload: unknown): boolean;
  parseBody(body: unknown): ProviderFacts;
  createReducer(): StreamReducer;
}
