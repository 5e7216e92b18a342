// The one seam through which the metadata record gets token counts, costs and local token
// estimates. TEMPORARY: `priceUsage` and `estimateUsage` stand in until costOf (src/pricing/) and
// countTokens (src/tokens/) land on main; wiring them touches only this file.
import { normalizeUsage } from '../usage/normalize.ts';
import type { NormalizedUsage, ProviderApi } from '../usage/normalized.ts';
import { reportedCostOf } from '../usage/reported-cost.ts';

export interface CostFields {
  prompt_cost: number | null;
  completion_cost: number | null;
  total_cost: number | null;
  cost_unavailable_reason: string | null;
}

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

export function priceUsage(_args: {
  model: string;
  usage: NormalizedUsage;
  provider: string;
  api: ProviderApi;
  service_tier: string | null;
}): CostFields {
  return {
    prompt_cost: null,
    completion_cost: null,
    total_cost: null,
    cost_unavailable_reason: 'pricing is not available',
  };
}

/** Counts tokens locally for a stream that came without usage; null where it cannot. */
export function estimateUsage(_args: {
  model: string;
  prompt: { messages?: unknown; text?: string };
  completion: string;
}): NormalizedUsage | null {
  return null;
}
