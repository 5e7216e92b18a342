import { z } from 'zod';
import { ProviderApiSchema } from '../usage/normalized.ts';
import { AssembledMessageSchema } from './message.ts';

const tokens = z.number().int().nonnegative().nullable();
const usd = z.number().nullable();

/** Finish reasons normalized across APIs; the raw value stays in `provider_finish_reason`. */
export const FinishReasonSchema = z.enum([
  'stop',
  'length',
  'tool_calls',
  'content_filter',
  'error',
  'other',
]);
export type FinishReason = z.infer<typeof FinishReasonSchema>;

export const UsageSourceSchema = z.enum(['provider', 'estimated']);
export type UsageSource = z.infer<typeof UsageSourceSchema>;

/**
 * The metadata record of one LLM call: flat snake_case keys, as stored in a JSONB column.
 * Token counts follow `NormalizedUsage` (OpenTelemetry's `gen_ai.usage.*`): `prompt_tokens`
 * includes cache reads and writes, `completion_tokens` includes reasoning. `null` means "not
 * known" (an error response has no usage; a model without a price has no cost). Keys a caller
 * passes (`routing_path`, `session_id`, anything else JSON) are kept as given.
 */
export const MetadataRecordSchema = z
  .object({
    provider: z.string(),
    api: ProviderApiSchema,
    /** The model as the provider answered (`gpt-4o-mini-2024-07-18`). */
    model: z.string().nullable(),
    /** The model the request asked for (`gpt-4o-mini`). */
    requested_model: z.string().nullable(),
    completion_id: z.string().nullable(),
    /** Unix seconds: the provider's timestamp, else the time of the recording. */
    created_at: z.number().int().nonnegative(),
    finish_reason: FinishReasonSchema,
    provider_finish_reason: z.string().nullable(),
    stream: z.boolean(),
    prompt_tokens: tokens,
    completion_tokens: tokens,
    total_tokens: tokens,
    cached_tokens: tokens,
    cache_creation_tokens: tokens,
    cache_creation_5m_tokens: tokens,
    cache_creation_1h_tokens: tokens,
    reasoning_tokens: tokens,
    prompt_cost: usd,
    completion_cost: usd,
    total_cost: usd,
    /** Why the costs are null (no usage, unknown model, no price), else null. */
    cost_unavailable_reason: z.string().nullable(),
    /** The price table that computed the costs (`litellm@2026-07-24#…`): costs stay pinned to it. */
    price_table: z.string().nullable(),
    temperature: z.number().nullable(),
    max_tokens: z.number().int().nullable(),
    top_p: z.number().nullable(),
    service_tier: z.string().nullable(),
    latency_ms: z.number().nonnegative().nullable(),
    time_to_first_token_ms: z.number().nonnegative().nullable(),
    tool_call_count: z.number().int().nonnegative(),
    request_id: z.string().nullable(),
    /** A cost the provider or a proxy reported itself (OpenRouter, LiteLLM proxy), in USD. */
    reported_cost: usd,
    usage_source: UsageSourceSchema.nullable(),
    http_status: z.number().int().nullable(),
    error_type: z.string().nullable(),
    error_message: z.string().nullable(),
    routing_path: z.string().nullable().optional(),
    session_id: z.string().nullable().optional(),
  })
  .catchall(z.json());
export type MetadataRecord = z.infer<typeof MetadataRecordSchema>;

/** What `extractMetadata` returns and `llm-cassette extract` prints. */
export const ExtractionSchema = z.object({
  metadata: MetadataRecordSchema,
  message: AssembledMessageSchema,
});
export type Extraction = z.infer<typeof ExtractionSchema>;

/** Caller-given keys merged into the record (`routing_path`, `session_id`, …): JSON values. */
export type CallerKeys = Record<string, z.infer<ReturnType<typeof z.json>>>;
