import { z } from 'zod';
import { type AssembledToolCall, assembleMessage } from '../metadata/message.ts';
import type { ProviderAdapter, ProviderError, ProviderFacts, StreamReducer } from './adapter.ts';
import { ProviderErrorObjectSchema, readProviderError } from './error-body.ts';
import { normalizeFinishReason } from './finish-reason.ts';
import { streamEventReader } from './stream-event-reader.ts';
import { isRecord } from './zod-checks.ts';

/** OpenAI Responses API: a `response` object, or a stream of `response.*` events. */

const OutputItemSchema = z.object({
  type: z.string(),
  id: z.string().nullish(),
  call_id: z.string().nullish(),
  name: z.string().nullish(),
  arguments: z.string().nullish(),
  /** `custom_tool_call` items carry their input as free text. */
  input: z.string().nullish(),
  content: z
    .array(
      z.object({ type: z.string(), text: z.string().nullish(), refusal: z.string().nullish() }),
    )
    .nullish(),
  summary: z.array(z.object({ text: z.string().nullish() })).nullish(),
});
type OutputItem = z.infer<typeof OutputItemSchema>;

export const ResponseObjectSchema = z.object({
  id: z.string().nullish(),
  object: z.string().nullish(),
  created_at: z.number().nullish(),
  model: z.string().nullish(),
  status: z.string().nullish(),
  output: z.array(OutputItemSchema).nullish(),
  usage: z.unknown().optional(),
  service_tier: z.string().nullish(),
  error: ProviderErrorObjectSchema.nullish(),
  incomplete_details: z.object({ reason: z.string().nullish() }).nullish(),
});
type ResponseObject = z.infer<typeof ResponseObjectSchema>;

/** Output items the client must act on; server-side tools (`web_search_call`…) are not. */
const CLIENT_TOOL_CALLS = new Set(['function_call', 'custom_tool_call']);
/** Summary parts of a reasoning item are paragraphs: joined the same way in both paths. */
const SUMMARY_SEPARATOR = '\n\n';

function toolCallOf(item: OutputItem): AssembledToolCall {
  return {
    id: item.call_id ?? item.id ?? '',
    name: item.name ?? '',
    arguments: item.arguments ?? item.input ?? '',
  };
}

function finishOf(
  response: ResponseObject,
  hasToolCalls: boolean,
): Pick<ProviderFacts, 'finish_reason' | 'provider_finish_reason'> {
  const status = response.status ?? null;
  if (status === 'incomplete') {
    // `incomplete_details.reason` says why: `max_output_tokens` or `content_filter`.
    const reason = response.incomplete_details?.reason ?? null;
    return {
      provider_finish_reason: reason ?? status,
      finish_reason: reason ? normalizeFinishReason(reason) : 'other',
    };
  }
  if (status === 'completed') {
    return { provider_finish_reason: status, finish_reason: hasToolCalls ? 'tool_calls' : 'stop' };
  }
  if (status === 'failed' || status === 'cancelled') {
    return { provider_finish_reason: status, finish_reason: 'error' };
  }
  return { provider_finish_reason: status, finish_reason: null };
}

function factsOf(response: ResponseObject): ProviderFacts {
  let text = '';
  let refusal = '';
  const summaries: string[] = [];
  const toolCalls: AssembledToolCall[] = [];
  for (const item of response.output ?? []) {
    if (CLIENT_TOOL_CALLS.has(item.type)) toolCalls.push(toolCallOf(item));
    else if (item.type === 'reasoning') {
      for (const part of item.summary ?? []) if (part.text) summaries.push(part.text);
    } else if (item.type === 'message') {
      for (const part of item.content ?? []) {
        if (part.type === 'output_text') text += part.text ?? '';
        else if (part.type === 'refusal') refusal += part.refusal ?? '';
      }
    }
  }
  return {
    api: 'responses',
    model: response.model || null,
    completion_id: response.id || null,
    created_at: response.created_at || null,
    ...finishOf(response, toolCalls.length > 0),
    usage: response.usage ?? null,
    service_tier: response.service_tier ?? null,
    error: response.error ? readProviderError(response.error) : null,
    message: assembleMessage({
      text,
      refusal,
      thinking: summaries.join(SUMMARY_SEPARATOR),
      toolCalls,
    }),
  };
}

const ResponseEvent = <T extends string>(type: T) =>
  z.object({ type: z.literal(type), response: ResponseObjectSchema });
const DeltaEvent = <T extends string>(type: T) =>
  z.object({ type: z.literal(type), delta: z.string() });

/** The text deltas: nearly every event of a stream, hence the hot path below. */
const TEXT_DELTA_EVENTS = [
  DeltaEvent('response.output_text.delta'),
  DeltaEvent('response.refusal.delta'),
  DeltaEvent('response.reasoning_summary_text.delta'),
] as const;
type TextDelta = z.infer<(typeof TEXT_DELTA_EVENTS)[number]>;
const TEXT_DELTA_TYPES: ReadonlySet<string> = new Set(
  TEXT_DELTA_EVENTS.map((option) => option.shape.type.value),
);

export const StreamEventSchema = z.discriminatedUnion('type', [
  ResponseEvent('response.created'),
  ResponseEvent('response.in_progress'),
  ResponseEvent('response.completed'),
  ResponseEvent('response.incomplete'),
  ResponseEvent('response.failed'),
  ...TEXT_DELTA_EVENTS,
  z.object({ type: z.literal('response.reasoning_summary_part.added') }),
  z.object({
    type: z.literal('response.output_item.added'),
    output_index: z.number().int(),
    item: OutputItemSchema,
  }),
  z.object({
    type: z.literal('response.function_call_arguments.delta'),
    output_index: z.number().int(),
    delta: z.string(),
  }),
  z.object({
    type: z.literal('response.custom_tool_call_input.delta'),
    output_index: z.number().int(),
    delta: z.string(),
  }),
  // Newer streams nest the error; early ones put `code`/`message` on the event itself.
  z.object({
    type: z.literal('error'),
    error: ProviderErrorObjectSchema.nullish(),
    code: z.string().nullish(),
    message: z.string().nullish(),
  }),
]);

/**
 * The hot path: a text delta checked by hand, so that it is read as it is instead of copied by a
 * zod parse. Only ever stricter than its schema (test/providers/stream-event-guards.test.ts);
 * any other event goes to `StreamEventSchema`.
 */
export function isTextDelta(payload: unknown): payload is TextDelta {
  return (
    isRecord(payload) &&
    typeof payload.type === 'string' &&
    TEXT_DELTA_TYPES.has(payload.type) &&
    typeof payload.delta === 'string'
  );
}

const readStreamEvent = streamEventReader(StreamEventSchema, isTextDelta);

const TERMINAL = new Set(['response.completed', 'response.incomplete', 'response.failed']);

class ResponsesStreamReducer implements StreamReducer {
  outputStarted = false;
  terminated = false;
  /** The latest response snapshot (`created`, then the terminal one with output and usage). */
  private snapshot: ResponseObject | null = null;
  private final: ProviderFacts | null = null;
  private error: ProviderError | null = null;
  private text = '';
  private refusal = '';
  private thinking = '';
  private readonly toolCalls: AssembledToolCall[] = [];

  push(payload: unknown): void {
    const event = readStreamEvent(payload);
    if (!event) return;
    switch (event.type) {
      case 'response.created':
      case 'response.in_progress':
      case 'response.completed':
      case 'response.incomplete':
      case 'response.failed':
        this.snapshot = event.response;
        if (TERMINAL.has(event.type)) {
          this.terminated = true;
          this.final = factsOf(event.response);
        }
        return;
      case 'response.output_text.delta':
        this.text += event.delta;
        this.outputStarted = true;
        return;
      case 'response.refusal.delta':
        this.refusal += event.delta;
        this.outputStarted = true;
        return;
      case 'response.reasoning_summary_text.delta':
        this.thinking += event.delta;
        this.outputStarted = true;
        return;
      case 'response.reasoning_summary_part.added':
        if (this.thinking) this.thinking += SUMMARY_SEPARATOR;
        return;
      case 'response.output_item.added':
        if (CLIENT_TOOL_CALLS.has(event.item.type)) {
          this.toolCalls[event.output_index] = toolCallOf(event.item);
          this.outputStarted = true;
        }
        return;
      case 'response.function_call_arguments.delta':
      case 'response.custom_tool_call_input.delta': {
        const call = this.toolCalls[event.output_index];
        if (call) call.arguments += event.delta;
        return;
      }
      case 'error':
        this.error = event.error
          ? readProviderError(event.error)
          : { type: event.code ?? null, message: event.message ?? null };
        this.terminated = true;
        return;
    }
  }

  facts(): ProviderFacts {
    const streamed = assembleMessage({
      text: this.text,
      refusal: this.refusal,
      thinking: this.thinking,
      toolCalls: this.toolCalls.filter((call) => call !== undefined),
    });
    if (this.final) {
      // The terminal event repeats the whole response: the same facts as the non-stream body.
      // A failed response comes with an empty `output`; what streamed before it is kept.
      const hasOutput = this.snapshot?.output?.length;
      return {
        ...this.final,
        error: this.final.error ?? this.error,
        message: hasOutput ? this.final.message : streamed,
      };
    }
    const snapshot = this.snapshot;
    return {
      api: 'responses',
      model: snapshot?.model || null,
      completion_id: snapshot?.id || null,
      created_at: snapshot?.created_at || null,
      provider_finish_reason: null,
      finish_reason: null,
      usage: null,
      service_tier: snapshot?.service_tier ?? null,
      error: this.error,
      message: streamed,
    };
  }
}

export const responsesAdapter: ProviderAdapter = {
  api: 'responses',
  matchesBody(body) {
    if (typeof body !== 'object' || body === null) return false;
    const v = body as { object?: unknown; output?: unknown };
    return v.object === 'response' || (v.object === undefined && Array.isArray(v.output));
  },
  matchesEvent(payload) {
    if (typeof payload !== 'object' || payload === null) return false;
    const type = (payload as { type?: unknown }).type;
    return typeof type === 'string' && type.startsWith('response.');
  },
  parseBody: (body) => factsOf(ResponseObjectSchema.parse(body)),
  createReducer: () => new ResponsesStreamReducer(),
};
