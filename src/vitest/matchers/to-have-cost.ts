import type { MatcherState } from 'vitest';
import { COST_FIELDS } from './metadata-fields.ts';
import type { MatchOutcome } from './outcome.ts';
import { matchFields } from './to-have-fields.ts';

/**
 * USD amounts to expect: any of the record's `*_cost` fields. A number, or a decimal string for
 * amounts a double cannot hold exactly; compared by decimal value, printed as decimals.
 */
export type CostExpectation = Partial<Record<string, number | string | null>>;

/** `expect(metadata).toHaveCost({ total_cost: 0.00000735 })` */
export function toHaveCost(
  this: MatcherState,
  received: unknown,
  expected: CostExpectation,
): MatchOutcome {
  return matchFields(this, 'toHaveCost', 'cost', received, expected, COST_FIELDS);
}
