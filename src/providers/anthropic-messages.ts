import { z } from 'zod';
import { type AssembledToolCall, assembleMessage } from '../metadata/message.ts';
import type { ProviderAdapter, ProviderError, ProviderFacts, StreamReducer } from './adapter.ts';
import { ProviderErrorObjectSchema, readProviderError } from './error-body.ts';
import { normalizeFinishReason } from './finish-reason.ts';
import { streamEventReader } from './stream-event-reader.ts';
import { isInteger, isNullishString, isRecord } from './zod-checks.ts';

/** Anthropic Messages: a `message` body, or a stream of `message_*` / `content_block_*` events. */

const UsageObjectSchema = z.record(z.string(), z.unknown());
type UsageObject = z.infer<typeof UsageObjectSchema>;

const ContentBlockSchema = z.object({
  type: z.string(),
  id: z.string().nullish(),
  name: z.string().nullish(),
  text: z.string().nullish(),
  thinking: z.string().nullish(),
  input: z.unknown().optional(),
});
type ContentBlock = z.infer<typeof ContentBlockSchema>;

export const AnthropicMessageSchema = z.object({
  id: z.string().nullish(),
  type: z.string().nullish(),
  model: z.string().nullish(),
  content: z.array(ContentBlockSchema).nullish(),
  stop_reason: z.string().nullish(),
  usage: UsageObjectSchema.nullish(),
});
type AnthropicMessage = z.infer<typeof AnthropicMessageSchema>;

/** Anthropic reports the service tier inside `usage`. */
const ServiceTierSchema = z.object({ service_tier: z.string() });

function serviceTierOf(usage: UsageObject | null): string | null {
  const parsed = ServiceTierSchema.safeParse(usage);
  return parsed.success ? parsed.data.service_tier : null;
}

/**
 * Tool input as one JSON string: re-serialized so that a streamed `input_json_delta` sequence
 * (spaced as the model wrote it) and a body's parsed `input` give the same text. Input that does
 * not parse (a stream that broke off inside it) is kept as it arrived.
 */
function canonicalJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}

function baseFacts(
  head: Pick<AnthropicMessage, 'id' | 'model'> | null,
  stopReason: string | null,
  usage: UsageObject | null,
): Omit<ProviderFacts, 'message'> {
  return {
    api: 'messages',
    model: head?.model || null,
    completion_id: head?.id || null,
    // Anthropic sends no timestamp: the metadata layer uses the time of the recording.
    created_at: null,
    provider_finish_reason: stopReason,
    finish_reason: stopReason === null ? null : normalizeFinishReason(stopReason),
    usage,
    service_tier: serviceTierOf(usage),
    error: null,
  };
}

function parseMessage(body: unknown): ProviderFacts {
  const parsed = AnthropicMessageSchema.parse(body);
  let text = '';
  let thinking = '';
  const toolCalls: AssembledToolCall[] = [];
  for (const block of parsed.content ?? []) {
    if (block.type === 'text') text += block.text ?? '';
    else if (block.type === 'thinking') thinking += block.thinking ?? '';
    else if (block.type === 'tool_use') {
      toolCalls.push({
        id: block.id ?? '',
        name: block.name ?? '',
        arguments: JSON.stringify(block.input ?? {}),
      });
    }
  }
  const message = assembleMessage({ text, thinking, toolCalls });
  return {
    ...baseFacts(parsed, parsed.stop_reason ?? null, parsed.usage ?? null),
    message,
  };
}

/** Nearly every event of a stream: hence the hot path below. */
const ContentBlockDeltaSchema = z.object({
  type: z.literal('content_block_delta'),
  index: z.number().int(),
  delta: z.object({
    type: z.string(),
    text: z.string().nullish(),
    thinking: z.string().nullish(),
    partial_json: z.string().nullish(),
  }),
});

export const StreamEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('message_start'), message: AnthropicMessageSchema }),
  z.object({
    type: z.literal('content_block_start'),
    index: z.number().int(),
    content_block: ContentBlockSchema,
  }),
  ContentBlockDeltaSchema,
  z.object({
    type: z.literal('message_delta'),
    delta: z.object({ stop_reason: z.string().nullish() }).nullish(),
    usage: UsageObjectSchema.nullish(),
  }),
  z.object({ type: z.literal('message_stop') }),
  z.object({ type: z.literal('error'), error: ProviderErrorObjectSchema }),
]);

/**
 * The hot path: a `content_block_delta` checked by hand, so that it is read as it is instead of
 * copied by a zod parse. Only ever stricter than its schema
 * (test/providers/stream-event-guards.test.ts); any other event goes to `StreamEventSchema`.
 */
export function isContentBlockDelta(
  payload: unknown,
): payload is z.infer<typeof ContentBlockDeltaSchema> {
  if (!isRecord(payload) || payload.type !== 'content_block_delta' || !isInteger(payload.index)) {
    return false;
  }
  const delta = payload.delta;
  return (
    isRecord(delta) &&
    typeof delta.type === 'string' &&
    isNullishString(delta.text) &&
    isNullishString(delta.thinking) &&
    isNullishString(delta.partial_json)
  );
}

const readStreamEvent = streamEventReader(StreamEventSchema, isContentBlockDelta);

/** One content block as it streams: text and tool input grow by concatenation. */
interface BlockState {
  type: string;
  id: string;
  name: string;
  text: string;
  json: string;
  /** The `input` of `content_block_start`, used when no `input_json_delta` follows. */
  startInput: unknown;
}

class AnthropicStreamReducer implements StreamReducer {
  outputStarted = false;
  terminated = false;
  private head: AnthropicMessage | null = null;
  private usage: UsageObject | null = null;
  private stopReason: string | null = null;
  private error: ProviderError | null = null;
  private readonly blocks: BlockState[] = [];

  push(payload: unknown): void {
    const event = readStreamEvent(payload);
    if (!event) return;
    switch (event.type) {
      case 'message_start':
        this.head = event.message;
        // Input and cache counts arrive here; `output_tokens` here is provisional.
        this.usage = event.message.usage ? { ...event.message.usage } : null;
        return;
      case 'content_block_start':
        this.blocks[event.index] = blockOf(event.content_block);
        if (event.content_block.type !== 'server_tool_use') this.outputStarted = true;
        return;
      case 'content_block_delta': {
        const block = this.blocks[event.index];
        if (!block) return;
        const delta = event.delta;
        if (delta.text) block.text += delta.text;
        else if (delta.thinking) block.text += delta.thinking;
        else if (delta.partial_json) block.json += delta.partial_json;
        this.outputStarted = true;
        return;
      }
      case 'message_delta':
        if (event.delta?.stop_reason) this.stopReason = event.delta.stop_reason;
        if (event.usage) this.usage = mergeUsage(this.usage, event.usage);
        return;
      case 'message_stop':
        this.terminated = true;
        return;
      case 'error':
        this.error = readProviderError(event.error);
        this.terminated = true;
        return;
    }
  }

  facts(): ProviderFacts {
    let text = '';
    let thinking = '';
    const toolCalls: AssembledToolCall[] = [];
    for (const block of this.blocks) {
      if (!block) continue;
      if (block.type === 'text') text += block.text;
      else if (block.type === 'thinking') thinking += block.text;
      else if (block.type === 'tool_use') {
        toolCalls.push({
          id: block.id,
          name: block.name,
          arguments: block.json
            ? canonicalJson(block.json)
            : JSON.stringify(block.startInput ?? {}),
        });
      }
    }
    const message = assembleMessage({ text, thinking, toolCalls });
    return {
      ...baseFacts(this.head, this.stopReason, this.usage),
      error: this.error,
      message,
    };
  }
}

function blockOf(block: ContentBlock): BlockState {
  return {
    type: block.type,
    id: block.id ?? '',
    name: block.name ?? '',
    text: block.text ?? block.thinking ?? '',
    json: '',
    startInput: block.input,
  };
}

/**
 * `message_delta` usage is cumulative: each count it carries replaces the one from
 * `message_start` (latest wins, never summed). Where it changes the cache-write total without
 * repeating the 5m/1h split, the split from `message_start` no longer adds up and is dropped.
 */
export function mergeUsage(start: UsageObject | null, delta: UsageObject): UsageObject {
  const merged: UsageObject = { ...start, ...delta };
  const writes = delta.cache_creation_input_tokens;
  if (
    start &&
    writes !== undefined &&
    writes !== start.cache_creation_input_tokens &&
    delta.cache_creation === undefined
  ) {
    delete merged.cache_creation;
  }
  return merged;
}

export const anthropicMessagesAdapter: ProviderAdapter = {
  api: 'messages',
  matchesBody(body) {
    if (typeof body !== 'object' || body === null) return false;
    const v = body as { type?: unknown; content?: unknown; stop_reason?: unknown };
    return v.type === 'message' || (Array.isArray(v.content) && 'stop_reason' in v);
  },
  matchesEvent(payload) {
    if (typeof payload !== 'object' || payload === null) return false;
    const type = (payload as { type?: unknown }).type;
    return (
      typeof type === 'string' &&
      (type.startsWith('message_') || type.startsWith('content_block_') || type === 'ping')
    );
  },
  parseBody: parseMessage,
  createReducer: () => new AnthropicStreamReducer(),
};
