import type { MatcherState } from 'vitest';
import { USAGE_FIELDS } from './metadata-fields.ts';
import type { MatchOutcome } from './outcome.ts';
import { matchFields } from './to-have-fields.ts';

/** Token counts to expect: any of the record's `*_tokens` fields; `null` where unknown. */
export type UsageExpectation = Partial<Record<string, number | null>>;

/** `expect(metadata).toHaveUsage({ prompt_tokens: 17, completion_tokens: 8 })` */
export function toHaveUsage(
  this: MatcherState,
  received: unknown,
  expected: UsageExpectation,
): MatchOutcome {
  return matchFields(this, 'toHaveUsage', 'usage', received, expected, USAGE_FIELDS);
}
