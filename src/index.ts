export type { Cassette, Interaction, SseEventRecord } from './cassette/format.ts';
export { CASSETTE_VERSION, CassetteSchema } from './cassette/format.ts';
export { LlmCassetteError } from './errors.ts';
export {
  ContradictoryUsageError,
  InvalidUsageValueError,
  UnrecognizedUsageError,
} from './usage/errors.ts';
export type { UsageExtractor } from './usage/extractors.ts';
export { USAGE_EXTRACTORS } from './usage/extractors.ts';
export type { UsageHint } from './usage/normalize.ts';
export { normalizeUsage } from './usage/normalize.ts';
export type { NormalizedUsage, ProviderApi } from './usage/normalized.ts';
export { NormalizedUsageSchema } from './usage/normalized.ts';
export { reportedCostOf } from './usage/reported-cost.ts';
