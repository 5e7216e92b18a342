import { toBeValidMetadata } from './to-be-valid-metadata.ts';
import type { CostExpectation } from './to-have-cost.ts';
import { toHaveCost } from './to-have-cost.ts';
import type { UsageExpectation } from './to-have-usage.ts';
import { toHaveUsage } from './to-have-usage.ts';
import type { RecordedCassette, RecordedMetadataOptions } from './to-match-recorded-metadata.ts';
import { toMatchRecordedMetadata } from './to-match-recorded-metadata.ts';

export type { CostExpectation, RecordedCassette, RecordedMetadataOptions, UsageExpectation };

/** The matchers, for `expect.extend(llmCassetteMatchers)` where `llm-cassette/vitest` is not imported. */
export const llmCassetteMatchers = {
  toHaveUsage,
  toHaveCost,
  toMatchRecordedMetadata,
  toBeValidMetadata,
};

/** The matchers' types on `expect(...)` and as asymmetric matchers (`expect.toHaveUsage(...)`). */
export interface LlmCassetteMatchers<R = unknown> {
  /** The record's token counts equal these (`prompt_tokens`, `completion_tokens`, `cached_tokens`...). */
  toHaveUsage(expected: UsageExpectation): R;
  /** The record's USD amounts equal these, by decimal value (`total_cost: 0.00000735`). */
  toHaveCost(expected: CostExpectation): R;
  /** The record equals the one re-extracted from the cassette's recorded interactions (timings aside). */
  toMatchRecordedMetadata(cassette: RecordedCassette, options?: RecordedMetadataOptions): R;
  /** The record matches the metadata schema; the failure lists every violation. */
  toBeValidMetadata(): R;
}

declare module 'vitest' {
  // biome-ignore lint/suspicious/noExplicitAny: an augmentation repeats vitest's own declaration
  interface Assertion<T = any> extends LlmCassetteMatchers<void> {}
  interface AsymmetricMatchersContaining extends LlmCassetteMatchers {}
}
