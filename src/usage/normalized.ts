import { z } from 'zod';

const tokenCount = z.number().int().nonnegative();

/**
 * Token usage in one provider-neutral shape: the single meeting point of provider usage objects
 * (OpenAI Chat Completions, OpenAI Responses, Anthropic Messages, OpenAI-compatible providers)
 * and everything that consumes them (cost math, the metadata record).
 *
 * Conventions, chosen to match OpenTelemetry's `gen_ai.usage.*` and LiteLLM's `Usage`:
 * - `input_tokens` counts every input token, cache reads and cache writes included
 *   (Anthropic's `input_tokens` excludes them, so its extractor adds them back);
 * - `output_tokens` counts every output token, reasoning included
 *   (xAI reports reasoning outside `completion_tokens`, so its extractor adds it back);
 * - the detail fields are parts of those totals, never additions to them.
 */
export const NormalizedUsageSchema = z.object({
  input_tokens: tokenCount,
  output_tokens: tokenCount,
  total_tokens: tokenCount,
  /** Input tokens read from the prompt cache (part of `input_tokens`). */
  cache_read_tokens: tokenCount,
  /** Input tokens written to the prompt cache (part of `input_tokens`). */
  cache_write_tokens: tokenCount,
  /** Anthropic's split of `cache_write_tokens` by cache lifetime, where the provider gives it. */
  cache_write_5m_tokens: tokenCount.optional(),
  cache_write_1h_tokens: tokenCount.optional(),
  /** Reasoning tokens (part of `output_tokens`). */
  reasoning_tokens: tokenCount,
  /** Audio tokens on each side (parts of `input_tokens` / `output_tokens`). */
  input_audio_tokens: tokenCount,
  output_audio_tokens: tokenCount,
  /** Server-side web search calls, charged per request rather than per token. */
  web_search_requests: tokenCount,
});
export type NormalizedUsage = z.infer<typeof NormalizedUsageSchema>;

/** The provider API a usage object or response came from. */
export const ProviderApiSchema = z.enum(['chat.completions', 'responses', 'messages']);
export type ProviderApi = z.infer<typeof ProviderApiSchema>;
