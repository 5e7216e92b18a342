import { z } from 'zod';
import { type AssembledToolCall, assembleMessage } from '../metadata/message.ts';
import type { ProviderAdapter, ProviderError, ProviderFacts, StreamReducer } from './adapter.ts';
import { isCommonChunk } from './chat-chunk-guard.ts';
import { ProviderErrorObjectSchema, readProviderError } from './error-body.ts';
import { normalizeFinishReason } from './finish-reason.ts';

/**
 * OpenAI Chat Completions, and the frame the OpenAI-compatible family shares with it. Fields
 * whose meaning differs by provider (`content` as typed parts, reasoning text, usage outside
 * `usage`, a reported cost) are kept `unknown` here and read by a `ChatDialect`.
 */

const FunctionSchema = z.object({ name: z.string().nullish(), arguments: z.string().nullish() });

const ToolCallSchema = z.object({
  index: z.number().int().optional(),
  id: z.string().nullish(),
  function: FunctionSchema.nullish(),
});

/** A non-stream `message` and a stream `delta` carry the same fields. */
const MessageSchema = z.object({
  content: z.unknown().optional(),
  refusal: z.string().nullish(),
  tool_calls: z.array(ToolCallSchema).nullish(),
  reasoning_content: z.unknown().optional(),
  reasoning: z.unknown().optional(),
});
export type ChatMessageFields = z.infer<typeof MessageSchema>;

const TopLevelFields = {
  id: z.string().nullish(),
  created: z.number().nullish(),
  model: z.string().nullish(),
  service_tier: z.string().nullish(),
  usage: z.unknown().optional(),
  x_groq: z.unknown().optional(),
};

export const ChatCompletionSchema = z.object({
  ...TopLevelFields,
  choices: z.array(
    z.object({
      index: z.number().int().optional(),
      message: MessageSchema,
      finish_reason: z.string().nullish(),
    }),
  ),
});
export type ChatCompletionFields = z.infer<typeof ChatCompletionSchema>;

export const ChatCompletionChunkSchema = z.object({
  ...TopLevelFields,
  choices: z
    .array(
      z.object({
        index: z.number().int().optional(),
        delta: MessageSchema.nullish(),
        finish_reason: z.string().nullish(),
      }),
    )
    .nullish(),
  /** An error some providers (OpenRouter) send inside a 200 stream. */
  error: z.union([ProviderErrorObjectSchema, z.string()]).nullish(),
});
export type ChatCompletionChunk = z.infer<typeof ChatCompletionChunkSchema>;

/** Where providers of the Chat Completions family differ in what they send. */
export interface ChatDialect {
  /** Assistant text and thinking text of a message/delta (`content` may be typed parts). */
  readContent(message: ChatMessageFields): { text: string; thinking: string };
  /** The usage object of a body or chunk (`usage`, or Groq's `x_groq.usage`), else null. */
  readUsage(body: { usage?: unknown; x_groq?: unknown }): unknown;
}

/** Plain OpenAI: `content` is a string, usage is `usage`. */
export const openAiDialect: ChatDialect = {
  readContent: (message) => ({
    text: typeof message.content === 'string' ? message.content : '',
    thinking: '',
  }),
  readUsage: (body) => body.usage ?? null,
};

function finishOf(
  raw: string | null,
): Pick<ProviderFacts, 'finish_reason' | 'provider_finish_reason'> {
  return {
    provider_finish_reason: raw,
    finish_reason: raw === null ? null : normalizeFinishReason(raw),
  };
}

const CHAT_OBJECTS = new Set(['chat.completion', 'chat.completion.chunk']);

function hasChatShape(value: unknown, object: string): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { object?: unknown; choices?: unknown };
  if (typeof v.object === 'string' && CHAT_OBJECTS.has(v.object)) return v.object === object;
  return Array.isArray(v.choices);
}

export function createChatCompletionsAdapter(dialect: ChatDialect): ProviderAdapter {
  return {
    api: 'chat.completions',
    matchesBody: (body) => hasChatShape(body, 'chat.completion'),
    matchesEvent: (payload) => hasChatShape(payload, 'chat.completion.chunk'),

    parseBody(body): ProviderFacts {
      const parsed = ChatCompletionSchema.parse(body);
      // Only the first choice is assembled: `n > 1` is rare and the record describes one message.
      const choice = parsed.choices.find((c) => (c.index ?? 0) === 0) ?? parsed.choices[0];
      const message = choice?.message;
      const { text, thinking } = message
        ? dialect.readContent(message)
        : { text: '', thinking: '' };
      const reasoning = message ? readReasoning(message) : '';
      const toolCalls: AssembledToolCall[] = (message?.tool_calls ?? []).map((call) => ({
        id: call.id ?? '',
        name: call.function?.name ?? '',
        arguments: call.function?.arguments ?? '',
      }));
      const usage = dialect.readUsage(parsed);
      return {
        api: 'chat.completions',
        model: parsed.model || null,
        completion_id: parsed.id || null,
        created_at: parsed.created || null,
        ...finishOf(choice?.finish_reason ?? null),
        usage,
        service_tier: parsed.service_tier ?? null,
        error: null,
        message: assembleMessage({
          text,
          thinking: thinking + reasoning,
          refusal: message?.refusal ?? '',
          toolCalls,
        }),
      };
    },

    createReducer: () => new ChatStreamReducer(dialect),
  };
}

/** Reasoning text in its own field: DeepSeek/xAI `reasoning_content`, OpenRouter `reasoning`. */
function readReasoning(message: ChatMessageFields): string {
  if (typeof message.reasoning_content === 'string') return message.reasoning_content;
  if (typeof message.reasoning === 'string') return message.reasoning;
  return '';
}

class ChatStreamReducer implements StreamReducer {
  outputStarted = false;
  terminated = false;
  private id: string | null = null;
  private model: string | null = null;
  private created: number | null = null;
  private finish: string | null = null;
  private usage: unknown = null;
  private serviceTier: string | null = null;
  private error: ProviderError | null = null;
  private text = '';
  private thinking = '';
  private refusal = '';
  private readonly toolCalls: AssembledToolCall[] = [];

  constructor(private readonly dialect: ChatDialect) {}

  push(payload: unknown): void {
    let chunk: ChatCompletionChunk;
    if (isCommonChunk(payload)) chunk = payload;
    else {
      const parsed = ChatCompletionChunkSchema.safeParse(payload);
      if (!parsed.success) return;
      chunk = parsed.data;
    }
    // Azure's first chunk has an empty id/model and `created: 0`: keep the first real values.
    if (!this.id && chunk.id) this.id = chunk.id;
    if (!this.model && chunk.model) this.model = chunk.model;
    if (!this.created && chunk.created) this.created = chunk.created;
    if (chunk.service_tier) this.serviceTier = chunk.service_tier;
    const usage = this.dialect.readUsage(chunk);
    if (usage !== null && usage !== undefined) this.usage = usage;
    if (chunk.error) {
      this.error = readProviderError(chunk.error);
      this.terminated = true;
    }
    for (const choice of chunk.choices ?? []) {
      if ((choice.index ?? 0) !== 0) continue;
      // The finishing chunk is sometimes followed by a usage chunk with `finish_reason: null`.
      if (choice.finish_reason) {
        this.finish = choice.finish_reason;
        this.terminated = true;
      }
      const delta = choice.delta;
      if (delta) this.pushDelta(delta);
    }
  }

  private pushDelta(delta: ChatMessageFields): void {
    if (delta.content !== undefined && delta.content !== null) {
      const { text, thinking } = this.dialect.readContent(delta);
      this.text += text;
      this.thinking += thinking;
      if (text || thinking) this.outputStarted = true;
    }
    const reasoning = readReasoning(delta);
    if (reasoning) {
      this.thinking += reasoning;
      this.outputStarted = true;
    }
    if (delta.refusal) {
      this.refusal += delta.refusal;
      this.outputStarted = true;
    }
    if (delta.tool_calls) {
      this.outputStarted = true;
      for (const call of delta.tool_calls) this.pushToolCall(call);
    }
  }

  private pushToolCall(call: z.infer<typeof ToolCallSchema>): void {
    const index = call.index ?? this.toolCalls.length;
    let target = this.toolCalls[index];
    if (!target) {
      target = { id: '', name: '', arguments: '' };
      this.toolCalls[index] = target;
    }
    if (call.id) target.id = call.id;
    if (call.function?.name) target.name = call.function.name;
    if (call.function?.arguments) target.arguments += call.function.arguments;
  }

  facts(): ProviderFacts {
    return {
      api: 'chat.completions',
      model: this.model,
      completion_id: this.id,
      created_at: this.created,
      ...finishOf(this.finish),
      usage: this.usage,
      service_tier: this.serviceTier,
      error: this.error,
      message: assembleMessage({
        text: this.text,
        thinking: this.thinking,
        refusal: this.refusal,
        toolCalls: this.toolCalls.filter((call) => call !== undefined),
      }),
    };
  }
}

export const chatCompletionsAdapter = createChatCompletionsAdapter(openAiDialect);
