// The one seam through which the metadata record gets token counts, costs and local token
// estimates: the pricing and token modules do the work, this file adapts them to the record.
import { LlmCassetteError } from '../errors.ts';
import { costOf } from '../pricing/cost.ts';
import { type CountTokensInput, countTokens } from '../tokens/count.ts';
import { normalizeUsage } from '../usage/normalize.ts';
import type { NormalizedUsage, ProviderApi } from '../usage/normalized.ts';
import { reportedCostOf } from '../usage/reported-cost.ts';

export interface CostFields {
  prompt_cost: number | null;
  completion_cost: number | null;
  total_cost: number | null;
  cost_unavailable_reason: string | null;
  /** Which price table computed the costs (`litellm@2026-07-24#…`), so a replay stays pinned. */
  price_table: string | null;
}

/** Providers the record names that say nothing about where prices live. */
const UNPRICED_PROVIDER_NAMES = new Set(['openai-compatible', 'litellm']);

/** The provider's usage object → `NormalizedUsage` (throws where it contradicts itself). */
export function normalizeProviderUsage(
  usage: unknown,
  hint: { api: ProviderApi; provider: string },
): NormalizedUsage {
  return normalizeUsage(usage, hint);
}

/** A cost the provider put in its usage object (OpenRouter `cost`, xAI ticks), in USD. */
export function reportedCostIn(usage: unknown): number | null {
  return reportedCostOf(usage)?.usd ?? null;
}

/** Prices the call; a model without a price gives null costs with the reason, never a throw. */
export function priceUsage(args: {
  model: string;
  usage: NormalizedUsage;
  provider: string;
  api: ProviderApi;
  service_tier: string | null;
}): CostFields {
  try {
    const cost = costOf({
      model: args.model,
      usage: args.usage,
      api: args.api,
      ...(UNPRICED_PROVIDER_NAMES.has(args.provider) ? {} : { provider: args.provider }),
      ...(args.service_tier ? { service_tier: args.service_tier } : {}),
    });
    return {
      prompt_cost: cost.prompt_cost,
      completion_cost: cost.completion_cost,
      total_cost: cost.total_cost,
      cost_unavailable_reason: null,
      price_table: cost.price_table.id,
    };
  } catch (error) {
    if (!(error instanceof LlmCassetteError)) throw error;
    return {
      prompt_cost: null,
      completion_cost: null,
      total_cost: null,
      cost_unavailable_reason: error.message.split('\n')[0] ?? error.code,
      price_table: null,
    };
  }
}

/** Counts tokens locally for a stream that came without usage; null where it cannot. */
export function estimateUsage(args: {
  model: string;
  prompt: { messages?: unknown; text?: string };
  completion: string;
}): NormalizedUsage | null {
  try {
    const prompt =
      args.prompt.text !== undefined
        ? countTokens({ model: args.model, text: args.prompt.text })
        : countTokens({
            model: args.model,
            // Validated by countTokens' own schema, which says what is wrong with it.
            messages: args.prompt.messages as CountTokensInput['messages'],
          });
    const completion = countTokens({ model: args.model, text: args.completion });
    return {
      input_tokens: prompt.tokens,
      output_tokens: completion.tokens,
      total_tokens: prompt.tokens + completion.tokens,
      cache_read_tokens: 0,
      cache_write_tokens: 0,
      reasoning_tokens: 0,
      input_audio_tokens: 0,
      output_audio_tokens: 0,
      web_search_requests: 0,
    };
  } catch (error) {
    if (error instanceof LlmCassetteError) return null;
    throw error;
  }
}
