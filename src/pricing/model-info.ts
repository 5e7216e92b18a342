import { resolveModel } from './resolve.ts';
import type { ModelEntry } from './table-schema.ts';

/** The keys `litellm.get_model_info` always returns, `null` when the table has no value. */
const ALWAYS_PRESENT = [
  'max_tokens',
  'max_input_tokens',
  'max_output_tokens',
  'input_cost_per_token',
  'output_cost_per_token',
  'cache_read_input_token_cost',
  'cache_creation_input_token_cost',
  'input_cost_per_token_batches',
  'output_cost_per_token_batches',
  'output_cost_per_reasoning_token',
  'input_cost_per_audio_token',
  'output_cost_per_audio_token',
  'mode',
] as const;

export type ModelInfo = ModelEntry & {
  /** The table key the name resolved to. */
  key: string;
} & { [K in (typeof ALWAYS_PRESENT)[number]]: ModelEntry[K] | null };

/**
 * Like `litellm.get_model_info`: the table's keys (context sizes, every cost field, mode,
 * supports_* flags) for any name that resolves as `costOf` resolves it. Throws
 * `UnknownModelError`, with the nearest known names, for a name that does not.
 */
export function getModelInfo(name: string, provider?: string): ModelInfo {
  const model = resolveModel(name, provider);
  const info: Record<string, unknown> = { key: model.key };
  for (const key of ALWAYS_PRESENT) info[key] = null;
  Object.assign(info, model.entry);
  return info as ModelInfo;
}
