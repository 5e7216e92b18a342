import { z } from 'zod';
import { NormalizedUsageSchema } from '../usage/normalized.ts';

const usd = z.number().nonnegative();

/** Every part of a cost on its own; the parts add up to `total_cost` exactly. */
export const CostBreakdownSchema = z.object({
  /** Uncached, non-audio input tokens at the input price. */
  input_text_cost: usd,
  cache_read_cost: usd,
  /** Cache writes at the (5-minute) cache-write price: all of them unless a 1-hour split is known. */
  cache_write_cost: usd,
  cache_write_1h_cost: usd,
  input_audio_cost: usd,
  /** Output tokens that are neither reasoning nor audio. */
  output_text_cost: usd,
  reasoning_cost: usd,
  output_audio_cost: usd,
  /** Per-request charge for server-side web searches. */
  web_search_cost: usd,
});
export type CostBreakdown = z.infer<typeof CostBreakdownSchema>;

export const CostResultSchema = z.object({
  /** The price-table key the model resolved to. */
  model: z.string(),
  /** The name as it was asked for. */
  requested_model: z.string(),
  /** LiteLLM's provider of the entry. */
  provider: z.string(),
  /** LiteLLM's meaning: the whole input side (uncached, cache reads and writes, input audio). */
  prompt_cost: usd,
  /** The whole output side (text, reasoning, output audio). */
  completion_cost: usd,
  /** Per-request charges (web search), apart from both. */
  request_cost: usd,
  total_cost: usd,
  breakdown: CostBreakdownSchema,
  currency: z.literal('USD'),
  usage: NormalizedUsageSchema,
  pricing: z.object({
    service_tier: z.string().nullable(),
    batch: z.boolean(),
    long_context_threshold: z.number().nullable(),
    inference_geo: z.string().nullable(),
    geo_multiplier: z.number(),
  }),
  /** Which prices computed this cost: compare `id` to know whether a stored cost is current. */
  price_table: z.object({
    id: z.string(),
    source: z.literal('litellm'),
    date: z.string(),
    commit: z.string().nullable(),
    sha256: z.string(),
    overridden: z.boolean(),
  }),
});
export type CostResult = z.infer<typeof CostResultSchema>;
