import { Decimal } from 'decimal.js';
import { REPORTED_COST_FIELDS } from './extractors.ts';

/**
 * The cost a provider itself put in the usage object (OpenRouter's `cost`, xAI's
 * `cost_in_usd_ticks`), in US dollars, or `undefined` when it reports none. Useful to compare
 * with `costOf`; never used by it.
 */
export function reportedCostOf(usage: unknown): { usd: number; path: string } | undefined {
  if (typeof usage !== 'object' || usage === null) return undefined;
  const record = usage as Record<string, unknown>;
  for (const field of REPORTED_COST_FIELDS) {
    const value = record[field.path];
    if (typeof value === 'number' && Number.isFinite(value)) {
      return {
        usd: new Decimal(value).times(field.usdPerUnit).toNumber(),
        path: `usage.${field.path}`,
      };
    }
  }
  return undefined;
}
