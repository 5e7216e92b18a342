import { z } from 'zod';

/**
 * One model's entry as kept from LiteLLM's `model_prices_and_context_window.json`: the fields
 * the cost math and `getModelInfo` read. Prices are US dollars per token (or per query, per
 * request); every `*_cost*` key of the source is kept, so new dimensions reach `getModelInfo`
 * even before the cost math prices them.
 */
export const ModelEntrySchema = z
  .object({
    litellm_provider: z.string(),
    mode: z.string().optional(),
    max_tokens: z.number().optional(),
    max_input_tokens: z.number().optional(),
    max_output_tokens: z.number().optional(),
    input_cost_per_token: z.number().optional(),
    output_cost_per_token: z.number().optional(),
    cache_read_input_token_cost: z.number().optional(),
    cache_creation_input_token_cost: z.number().optional(),
    cache_creation_input_token_cost_above_1hr: z.number().optional(),
    input_cost_per_audio_token: z.number().optional(),
    output_cost_per_audio_token: z.number().optional(),
    output_cost_per_reasoning_token: z.number().optional(),
    input_cost_per_token_batches: z.number().optional(),
    output_cost_per_token_batches: z.number().optional(),
    search_context_cost_per_query: z.record(z.string(), z.number()).optional(),
    /** Anthropic's regional multipliers (`{ us: 1.1 }`), applied for `inference_geo`. */
    provider_specific_entry: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
    deprecation_date: z.string().optional(),
  })
  .catchall(z.unknown());
export type ModelEntry = z.infer<typeof ModelEntrySchema>;

/** Where a converted price table came from: the identity a stored cost is pinned to. */
export const PriceTableSourceSchema = z.object({
  /** Short, comparable identity: `litellm@<content date>#<sha256 prefix>`. */
  id: z.string(),
  source: z.literal('litellm'),
  upstream: z.string(),
  /** Date of the upstream content (YYYY-MM-DD). */
  date: z.string(),
  /** Upstream commit, or the nearest known one (see `commit_note`). */
  commit: z.string().nullable(),
  commit_note: z.string().optional(),
  /** sha256 of the source file the table was converted from. */
  sha256: z.string(),
  models: z.number().int(),
});
export type PriceTableSource = z.infer<typeof PriceTableSourceSchema>;

/** The converted table: key names once, then each model as `[keyIndex, value, ...]` pairs. */
export const CompactPriceTableSchema = z.object({
  keys: z.array(z.string()),
  models: z.record(z.string(), z.array(z.unknown())),
});
export type CompactPriceTable = z.infer<typeof CompactPriceTableSchema>;
